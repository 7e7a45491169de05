// A database restart needs no app restart: while PostgreSQL is down, /ready (and any request
// that needs the database) answers 503 quickly instead of hanging; once it is back, /ready is
// 200 again.
#include <gtest/gtest.h>

#include <chrono>

#include "support/eventually.hpp"
#include "support/http_assertions.hpp"
#include "support/postgres.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

constexpr auto db_timeout = 500ms;

/// A migrated private cluster with a server on it, ready.
struct RestartableSetup {
  PrivateCluster cluster;
  ServerProcess server{[this] {
    migrate_up(cluster.url());
    return server_environment(cluster.url(), {{"TMEIT_DB_TIMEOUT_MS", "500"}});
  }()};
};

/// GET `target`, failing the test when the answer takes longer than the DB timeout allows.
Response timed_get(std::uint16_t port, const char* target) {
  auto started = std::chrono::steady_clock::now();
  auto response = get(port, target);
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, db_timeout + 1500ms)
      << target << " took " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
      << " ms";
  return response;
}

TEST(DbRecovery, ReadyIs503QuicklyWhileDatabaseIsDown) {
  RestartableSetup setup;
  ASSERT_EQ(get(setup.server.port(), "/ready").result_int(), 200);
  setup.cluster.stop("fast");
  EXPECT_TRUE(
      eventually([&] { return timed_get(setup.server.port(), "/ready").result_int() == 503; }, 3s));
  // Every answer while it stays down is a quick 503, not a hang.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(timed_get(setup.server.port(), "/ready").result_int(), 503);
  EXPECT_TRUE(answers_health(setup.server));
}

TEST(DbRecovery, RequestsNeedingTheDatabaseAre503WhileItIsDown) {
  RestartableSetup setup;
  setup.cluster.stop("immediate");
  auto response = timed_get(setup.server.port(), "/api/v1/version");
  EXPECT_TRUE(is_json_error(response, 503));
}

// The throttles live in the database: with it down, logins, sign-ups and reset requests fail
// closed (503), never unthrottled.
TEST(DbRecovery, ThrottledEndpointsAre503WhileTheDatabaseIsDown) {
  RestartableSetup setup;
  setup.cluster.stop("immediate");
  const auto port = setup.server.port();
  EXPECT_TRUE(is_json_error(fetch(port, http::verb::post, "/api/v1/token",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}},
                                  "username=a%40example.com&password=x"),
                            503));
  EXPECT_TRUE(
      is_json_error(fetch(port, http::verb::put, "/api/v1/reset",
                          {{"Content-Type", "application/json"}}, R"({"email": "a@example.com"})"),
                    503));
  EXPECT_TRUE(is_json_error(
      fetch(
          port, http::verb::post, "/api/v1/sign_up/sign_up", {{"Content-Type", "application/json"}},
          R"({"login_email": "a@example.com", "first_name": "A", "last_name": "B", "phone": "070",)"
          R"( "password": "lantern-walrus-violet-83"})"),
      503));
}

TEST(DbRecovery, ReadyRecoversAfterRestartWithoutAppRestart) {
  RestartableSetup setup;
  ASSERT_EQ(get(setup.server.port(), "/ready").result_int(), 200);
  setup.cluster.stop("fast");
  ASSERT_TRUE(
      eventually([&] { return get(setup.server.port(), "/ready").result_int() == 503; }, 3s));
  setup.cluster.start();
  EXPECT_TRUE(eventually([&] { return get(setup.server.port(), "/ready").result_int() == 200; },
                         10s, 100ms));
  EXPECT_EQ(get(setup.server.port(), "/api/v1/version").result_int(), 200);
}

}  // namespace
}  // namespace tmeit::test
