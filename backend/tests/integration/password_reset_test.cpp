// Password reset: the same answer after the same work for every email (the worker makes tokens
// and mail from queued requests), single-use expiring tokens stored hashed, limits, revocation
// of old logins, and the whole path through a real SMTP server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/club.hpp"
#include "support/eventually.hpp"
#include "support/http_assertions.hpp"
#include "support/reset_worker.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr const char* new_password = "harbour-pickle-zenith-52";
constexpr const char* site = "https://tmeit.example";

class PasswordReset : public ::testing::Test {
 protected:
  explicit PasswordReset(const std::string& per_email = "100",
                         const std::string& per_address = "100")
      : server_({.env = {{"TMEIT_RESETS_PER_EMAIL", per_email},
                         {"TMEIT_RESETS_PER_ADDRESS", per_address},
                         {"TMEIT_PUBLIC_URL", site}}}) {
    anna_ = add_member(server_, "anna@example.com", "vraq");
  }

  /// Runs a worker until it has handled every queued reset request. Only then: an idle worker
  /// polling beside the production-cost password hashes of these tests slows them down.
  void settle() {
    ServerProcess worker(quick_worker(server_.database().url(), "smtp://127.0.0.1:9", site), 15s,
                         std::vector<std::string>{"worker"});
    ASSERT_TRUE(eventually(
        [&] { return scalar("SELECT count(*) FROM password_reset_requests") == "0"; }, 10s))
        << worker.output();
  }

  Response put(const std::string& target, const std::string& body) {
    return fetch(server_.port(), http::verb::put, target, json_headers(), body);
  }
  Response request_reset(const std::string& email) {
    return put("/api/v1/reset", json({{"email", email}}).dump());
  }
  Response reset(const std::string& token, const std::string& password = new_password) {
    return put("/api/v1/reset/" + token, json({{"password", password}}).dump());
  }

  std::string scalar(const std::string& sql) { return server_.database().connect().scalar(sql); }

  /// The token in the newest queued reset mail, once the worker has made it.
  std::string latest_token() {
    settle();
    return reset_token_in(scalar("SELECT body_text FROM email_jobs ORDER BY id DESC LIMIT 1"));
  }

  TestServer server_;
  TestMember anna_;
};

TEST_F(PasswordReset, TheAnswerIsTheSameForKnownAndUnknownEmails) {
  const auto known = request_reset("ANNA@example.com");
  const auto unknown = request_reset("nobody@example.com");
  ASSERT_EQ(known.result_int(), 200) << known.body();
  ASSERT_EQ(unknown.result_int(), 200) << unknown.body();
  EXPECT_EQ(known.body(), unknown.body());
  EXPECT_EQ(json::parse(known.body()).at("status"),
            "if the email belongs to a member, a reset link is on its way");
  settle();
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs"), "1");
  EXPECT_EQ(scalar("SELECT recipient FROM email_jobs"), "anna@example.com");
  EXPECT_EQ(scalar("SELECT count(*) FROM password_resets"), "1");
}

TEST_F(PasswordReset, OnlyAHashOfTheTokenIsStoredAndTheLinkUsesThePublicUrl) {
  request_reset("anna@example.com");
  settle();
  const auto text = scalar("SELECT body_text FROM email_jobs");
  const auto token = reset_token_in(text);
  ASSERT_EQ(token.size(), 43U) << text;
  EXPECT_NE(text.find(std::string(site) + "/reset/" + token), std::string::npos);
  EXPECT_NE(scalar("SELECT body_html FROM email_jobs").find(token), std::string::npos);
  EXPECT_EQ(scalar("SELECT encode(token_hash, 'hex') = encode(sha256('" + token +
                   "'::bytea), 'hex') FROM password_resets"),
            "t");
  EXPECT_EQ(
      scalar("SELECT count(*) FROM password_resets WHERE token_hash = '" + token + "'::bytea"),
      "0");
}

TEST_F(PasswordReset, TheTokenSetsThePasswordOnceAndRevokesOlderLogins) {
  const auto old_login = login(server_, "anna@example.com");
  request_reset("anna@example.com");
  const auto token = latest_token();
  const auto changed = reset(token);
  ASSERT_EQ(changed.result_int(), 200) << changed.body();
  EXPECT_EQ(json::parse(changed.body()), json({{"status", "password changed"}}));
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/me", bearer(old_login)), 401));
  EXPECT_TRUE(is_json_error(request_token(server_, "anna@example.com", member_password), 401));
  const auto fresh = login(server_, "anna@example.com", new_password);
  EXPECT_EQ(server_.get("/api/v1/me", bearer(fresh)).result_int(), 200);
  // Single use.
  EXPECT_TRUE(is_json_error(reset(token, "another-quite-long-phrase-19"), 404));
  EXPECT_NO_THROW(login(server_, "anna@example.com", new_password));
}

TEST_F(PasswordReset, ConcurrentUsesOfOneTokenSucceedOnce) {
  request_reset("anna@example.com");
  const auto token = latest_token();
  std::array<int, 4> statuses{};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = reset(token).result_int(); });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 404), 3);
}

TEST_F(PasswordReset, AnExpiredTokenIsRefused) {
  request_reset("anna@example.com");
  const auto token = latest_token();
  scalar(
      "WITH moved AS (UPDATE password_resets SET created_at = now() - interval '2 hours', "
      "expires_at = now() - interval '1 minute' RETURNING 1) SELECT count(*) FROM moved");
  const auto refused = reset(token);
  ASSERT_TRUE(is_json_error(refused, 404)) << refused.body();
  EXPECT_NE(json::parse(refused.body()).at("error").get<std::string>().find("expired"),
            std::string::npos);
  EXPECT_NO_THROW(login(server_, "anna@example.com"));
}

TEST_F(PasswordReset, ANewRequestVoidsTheOlderToken) {
  request_reset("anna@example.com");
  const auto first = latest_token();
  request_reset("anna@example.com");
  const auto second = latest_token();
  ASSERT_NE(first, second);
  EXPECT_TRUE(is_json_error(reset(first), 404));
  EXPECT_EQ(reset(second).result_int(), 200);
}

TEST_F(PasswordReset, UnknownOrMalformedTokensAre404) {
  EXPECT_TRUE(is_json_error(reset("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 404));
  EXPECT_TRUE(is_json_error(reset("short"), 404));
  EXPECT_TRUE(is_json_error(reset("not*base64url*at*all*but*forty*three*chars"), 404));
}

TEST_F(PasswordReset, AWeakPasswordIsA422AndKeepsTheToken) {
  request_reset("anna@example.com");
  const auto token = latest_token();
  const auto weak = reset(token, "password1");
  ASSERT_TRUE(is_json_error(weak, 422)) << weak.body();
  EXPECT_TRUE(field_errors(weak).contains("password"));
  EXPECT_EQ(reset(token).result_int(), 200);
}

TEST_F(PasswordReset, WrongJsonIsRefused) {
  for (const json& wrong : {json(42), json(nullptr), json(true), json::array(), json::object()}) {
    EXPECT_TRUE(is_json_error(put("/api/v1/reset", json({{"email", wrong}}).dump()), 422));
    EXPECT_TRUE(is_json_error(
        put("/api/v1/reset/" + std::string(43, 'A'), json({{"password", wrong}}).dump()), 422));
  }
  EXPECT_TRUE(is_json_error(put("/api/v1/reset", "{}"), 422));
  EXPECT_TRUE(is_json_error(put("/api/v1/reset", json({{"email", "not-an-email"}}).dump()), 422));
  EXPECT_TRUE(is_json_error(put("/api/v1/reset", "{nope"), 400));
  EXPECT_TRUE(is_json_error(
      put("/api/v1/reset", json({{"email", "anna@example.com"}, {"extra", 1}}).dump()), 400));
  EXPECT_TRUE(is_json_error(put("/api/v1/reset/" + std::string(43, 'A'), "{}"), 422));
  EXPECT_EQ(scalar("SELECT count(*) FROM password_reset_requests"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs"), "0");
}

class ResetLimits : public PasswordReset {
 protected:
  ResetLimits() : PasswordReset("2", "3") {}
};

TEST_F(ResetLimits, RequestsPerEmailAndPerAddressAreLimited) {
  EXPECT_EQ(request_reset("anna@example.com").result_int(), 200);
  EXPECT_EQ(request_reset("Anna@Example.com").result_int(), 200);
  const auto per_email = request_reset("anna@example.com");
  ASSERT_TRUE(is_json_error(per_email, 429)) << per_email.body();
  EXPECT_GT(std::stoi(header(per_email, "Retry-After")), 0);
  // Unknown emails count the same, so the limit reveals nothing.
  EXPECT_EQ(request_reset("nobody@example.com").result_int(), 200);
  EXPECT_TRUE(is_json_error(request_reset("someone@example.com"), 429));
  settle();
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs"), "2");
}

// The answer's timing must not tell whether an email is a member's, so the API does the same
// work for both: it queues the request, and nothing else. (scripts/bench-hardening measures the
// two; docs/benchmarks.md has the figures.)
TEST(ResetRequests, TheApiDoesTheSameWorkForMembersAndStrangers) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  const auto put_reset = [&](const std::string& email) {
    return fetch(server.port(), http::verb::put, "/api/v1/reset", json_headers(),
                 json({{"email", email}}).dump());
  };
  EXPECT_EQ(put_reset("anna@example.com").result_int(), 200);
  EXPECT_EQ(put_reset("nobody@example.com").result_int(), 200);
  auto db = server.database().connect();
  EXPECT_EQ(db.scalar("SELECT string_agg(email, ' ' ORDER BY id) FROM password_reset_requests"),
            "anna@example.com nobody@example.com");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM password_resets"), "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM email_jobs"), "0");
  // The worker then makes the member's token and mail, and drops the stranger's request.
  ServerProcess worker(quick_worker(server.database().url(), "smtp://127.0.0.1:9", site), 15s,
                       std::vector<std::string>{"worker"});
  ASSERT_TRUE(eventually(
      [&] { return db.scalar("SELECT count(*) FROM password_reset_requests") == "0"; }, 10s))
      << worker.output();
  EXPECT_EQ(db.scalar("SELECT count(*) FROM password_resets"), "1");
  EXPECT_EQ(db.scalar("SELECT string_agg(recipient, ' ') FROM email_jobs"), "anna@example.com");
}

TEST(ResetByMail, TheLinkInTheMailSetsThePassword) {
  SmtpSink sink;
  TestServer server({.env = {{"TMEIT_PUBLIC_URL", site}}});
  add_member(server, "mail@example.com", "prao");
  auto worker = std::make_unique<ServerProcess>(quick_worker(server.database().url(), sink.url()),
                                                15s, std::vector<std::string>{"worker"});
  const auto requested = fetch(server.port(), http::verb::put, "/api/v1/reset", json_headers(),
                               json({{"email", "mail@example.com"}}).dump());
  ASSERT_EQ(requested.result_int(), 200) << requested.body();
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }, 10s)) << worker->output();
  const auto message = sink.messages().front();
  EXPECT_NE(message.find("X-Sink-Rcpt-To: mail@example.com\r\n"), std::string::npos) << message;
  const auto token = reset_token_in(message);
  ASSERT_EQ(token.size(), 43U) << message;
  const auto changed = fetch(server.port(), http::verb::put, "/api/v1/reset/" + token,
                             json_headers(), json({{"password", new_password}}).dump());
  ASSERT_EQ(changed.result_int(), 200) << changed.body();
  EXPECT_NO_THROW(login(server, "mail@example.com", new_password));
}

}  // namespace
}  // namespace tmeit::test
