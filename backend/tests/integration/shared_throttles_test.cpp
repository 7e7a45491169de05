// The throttles on logins, sign-ups and reset requests are counted in PostgreSQL: two servers on
// one database share them, a restart keeps them, parallel attempts cannot slip past them, and
// when the counters cannot be reached the answer is 503, never an unthrottled attempt.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/club.hpp"
#include "support/http_assertions.hpp"
#include "support/server_process.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr const char* wrong_password = "wrong_password-password-1";

Response token_at(std::uint16_t port, const std::string& email, const std::string& password) {
  return fetch(port, http::verb::post, "/api/v1/token",
               {{"Content-Type", "application/x-www-form-urlencoded"}},
               "username=" + email + "&password=" + password);
}

Response reset_at(std::uint16_t port, const std::string& email) {
  return fetch(port, http::verb::put, "/api/v1/reset", json_headers(),
               json({{"email", email}}).dump());
}

Response sign_up_at(std::uint16_t port, const std::string& email) {
  return fetch(port, http::verb::post, "/api/v1/sign_up/sign_up", json_headers(),
               json({{"login_email", email},
                     {"first_name", "Sigrid"},
                     {"last_name", "Nilsson"},
                     {"phone", "070-1112233"},
                     {"password", "lantern-walrus-violet-83"}})
                   .dump());
}

/// A server plus a second replica on the same database and settings.
struct TwoReplicas {
  explicit TwoReplicas(const Environment& env)
      : first({.env = env}), second(server_environment(first.database().url(), env)) {}
  TestServer first;
  ServerProcess second;
};

TEST(SharedThrottles, TwoReplicasShareTheLoginLimit) {
  TwoReplicas replicas(Environment{{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "4"}});
  add_member(replicas.first, "anna@example.com", "vraq");
  for (const auto port : {replicas.first.port(), replicas.second.port(), replicas.first.port(),
                          replicas.second.port()}) {
    EXPECT_TRUE(is_json_error(token_at(port, "anna@example.com", wrong_password), 401));
  }
  // Each replica has seen two failures, the club four: both refuse now.
  EXPECT_TRUE(
      is_json_error(token_at(replicas.first.port(), "anna@example.com", wrong_password), 429));
  EXPECT_TRUE(
      is_json_error(token_at(replicas.second.port(), "ANNA@example.com", member_password), 429));
}

TEST(SharedThrottles, TwoReplicasShareTheSignUpAndResetLimits) {
  TwoReplicas replicas(
      Environment{{"TMEIT_SIGN_UPS_PER_ADDRESS", "2"}, {"TMEIT_RESETS_PER_ADDRESS", "2"}});
  // Attempts count whatever their outcome: a taken email (409) is refused after counting, and
  // costs no password hash.
  add_member(replicas.first, "taken@example.com", "vraq");
  EXPECT_EQ(sign_up_at(replicas.first.port(), "taken@example.com").result_int(), 409);
  EXPECT_EQ(sign_up_at(replicas.second.port(), "taken@example.com").result_int(), 409);
  EXPECT_TRUE(is_json_error(sign_up_at(replicas.first.port(), "new@example.com"), 429));
  EXPECT_EQ(reset_at(replicas.second.port(), "a@example.com").result_int(), 200);
  EXPECT_EQ(reset_at(replicas.first.port(), "b@example.com").result_int(), 200);
  const auto refused = reset_at(replicas.second.port(), "c@example.com");
  ASSERT_TRUE(is_json_error(refused, 429));
  EXPECT_GT(std::stoi(header(refused, "Retry-After")), 3000);  // the hour's first hit leaves
}

TEST(SharedThrottles, ARestartForgetsNothing) {
  TestServer server({.env = {{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "2"}}});
  add_member(server, "anna@example.com", "vraq");
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(is_json_error(token_at(server.port(), "anna@example.com", wrong_password), 401));
  }
  server.process().terminate();
  ASSERT_TRUE(server.process().wait_exit(10s));
  ServerProcess restarted(
      server_environment(server.database().url(), {{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "2"}}));
  EXPECT_TRUE(is_json_error(token_at(restarted.port(), "anna@example.com", member_password), 429));
}

TEST(SharedThrottles, ParallelGuessesCannotSlipPastTheLimit) {
  TestServer server({.env = {{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "5"}}});
  add_member(server, "anna@example.com", "vraq");
  std::array<int, 20> statuses{};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = token_at(server.port(), "anna@example.com", wrong_password).result_int();
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 5);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 15);
}

TEST(SharedThrottles, AGoodLoginClearsTheAccountAndIsNoFailureOfTheAddress) {
  TestServer server({.env = {{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "3"},
                             {"TMEIT_LOGIN_FAILURES_PER_ADDRESS", "5"}}});
  add_member(server, "anna@example.com", "vraq");
  const auto attempt = [&](const char* password) {
    return token_at(server.port(), "anna@example.com", password).result_int();
  };
  EXPECT_EQ(attempt(wrong_password), 401);
  EXPECT_EQ(attempt(wrong_password), 401);
  EXPECT_EQ(attempt(member_password), 200);
  EXPECT_EQ(attempt(wrong_password), 401);
  EXPECT_EQ(attempt(wrong_password), 401);
  // Four failures of the account, but the good login between cleared the first two; six
  // attempts from the address, but only the four failures count.
  EXPECT_EQ(attempt(member_password), 200);
  EXPECT_EQ(attempt(wrong_password), 401);
  // The address has its five failures now.
  EXPECT_EQ(attempt(member_password), 429);
}

TEST(SharedThrottles, CountersHoldNoEmailOrAddressInClear) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");  // her cheap hash keeps the failed login quick
  EXPECT_TRUE(is_json_error(token_at(server.port(), "anna@example.com", wrong_password), 401));
  EXPECT_EQ(reset_at(server.port(), "anna@example.com").result_int(), 200);
  auto db = server.database().connect();
  EXPECT_EQ(db.scalar("SELECT count(*) FROM throttle_hits"), "4");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM throttle_hits WHERE key LIKE '%@%' OR key LIKE '%.%'"),
            "0");
  EXPECT_EQ(db.scalar("SELECT key FROM throttle_hits WHERE scope = 'login_account'"),
            db.scalar("SELECT encode(sha256('anna@example.com'::bytea), 'hex')"));
}

TEST(SharedThrottles, UnreachableCountersFailClosedWith503) {
  TestServer server({.env = {{"TMEIT_DB_TIMEOUT_MS", "400"}}});
  add_member(server, "anna@example.com", "vraq");
  // Another session holds the counters' table: no statement on it can finish in time.
  auto blocker = server.database().connect();
  blocker.query("BEGIN");
  blocker.query("LOCK TABLE throttle_hits IN ACCESS EXCLUSIVE MODE");
  const auto login_attempt = token_at(server.port(), "anna@example.com", member_password);
  EXPECT_TRUE(is_json_error(login_attempt, 503)) << login_attempt.body();
  EXPECT_FALSE(header(login_attempt, "Retry-After").empty());
  EXPECT_TRUE(is_json_error(sign_up_at(server.port(), "new@example.com"), 503));
  EXPECT_TRUE(is_json_error(reset_at(server.port(), "anna@example.com"), 503));
  blocker.query("ROLLBACK");
  EXPECT_EQ(token_at(server.port(), "anna@example.com", member_password).result_int(), 200);
  auto db = server.database().connect();
  EXPECT_EQ(db.scalar("SELECT count(*) FROM sign_ups"), "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM password_reset_requests"), "0");
}

}  // namespace
}  // namespace tmeit::test
