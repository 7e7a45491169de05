#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "support/club.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

Response me(TestServer& server, const std::string& token) {
  return server.get("/api/v1/me", bearer(token));
}

Response patch_member(TestServer& server, const std::string& token, const std::string& short_uuid,
                      const json& body) {
  return fetch(server.port(), http::verb::patch, "/api/v1/members/" + short_uuid,
               json_headers(bearer(token)), body.dump());
}

TEST(Auth, LoginGivesABearerTokenThatMeAccepts) {
  TestServer server;
  const auto anna = add_member(server, "anna@example.com", "vraq");
  const auto response = request_token(server, "ANNA@example.com", member_password);
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto body = json::parse(response.body());
  EXPECT_EQ(body.at("token_type"), "bearer");
  const auto answer = me(server, body.at("access_token").get<std::string>());
  ASSERT_EQ(answer.result_int(), 200);
  EXPECT_EQ(json::parse(answer.body()).at("short_uuid"), anna.short_uuid);
}

TEST(Auth, WrongPasswordAndUnknownEmailGetTheSame401) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  const auto wrong = request_token(server, "anna@example.com", "not-the-password-1");
  const auto unknown = request_token(server, "nobody@example.com", member_password);
  EXPECT_TRUE(is_json_error(wrong, 401));
  EXPECT_EQ(wrong.body(), unknown.body());
  EXPECT_EQ(wrong.result_int(), unknown.result_int());
}

TEST(Auth, UnknownEmailTakesAboutAsLongAsAWrongPassword) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq", member_password, /*production_cost=*/true);
  using Clock = std::chrono::steady_clock;
  // The fastest of three tries, interleaved: a busy machine only ever adds time, so the minimum
  // is the cost of the check itself (the slowest try failed the test under a load of 6).
  auto wrong_password = Clock::duration::max();
  auto unknown_email = Clock::duration::max();
  auto time_one = [&](const std::string& email, Clock::duration& fastest) {
    const auto started = Clock::now();
    EXPECT_TRUE(is_json_error(request_token(server, email, "wrong-password-1"), 401));
    fastest = std::min(fastest, Clock::now() - started);
  };
  for (int i = 0; i < 3; ++i) {
    time_one("anna@example.com", wrong_password);
    time_one("nobody@example.com", unknown_email);
  }
  // Both run one argon2id check of the same cost; without the dummy hash the unknown email
  // would answer in well under a millisecond.
  EXPECT_GT(unknown_email * 2, wrong_password);
  EXPECT_GT(wrong_password * 2, unknown_email);
}

TEST(Auth, MissingFormFieldsAre422AndJsonBodiesAre415) {
  TestServer server;
  EXPECT_TRUE(is_json_error(
      fetch(server.port(), http::verb::post, "/api/v1/token",
            {{"Content-Type", "application/x-www-form-urlencoded"}}, "username=a@b.c"),
      422));
  EXPECT_TRUE(is_json_error(fetch(server.port(), http::verb::post, "/api/v1/token", json_headers(),
                                  R"({"username":"a","password":"b"})"),
                            415));
}

TEST(Auth, FailedLoginsAreThrottledPerAccount) {
  TestServer server({.env = {{"TMEIT_LOGIN_FAILURES_PER_ACCOUNT", "2"}}});
  add_member(server, "anna@example.com", "vraq");
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(is_json_error(request_token(server, "anna@example.com", "wrong-password-1"), 401));
  }
  // Even the right password waits now: the account is under attack.
  const auto throttled = request_token(server, "anna@example.com", member_password);
  EXPECT_TRUE(is_json_error(throttled, 429));
  EXPECT_FALSE(header(throttled, "Retry-After").empty());
}

TEST(Auth, FailedLoginsAreThrottledPerAddress) {
  TestServer server({.env = {{"TMEIT_LOGIN_FAILURES_PER_ADDRESS", "3"}}});
  for (int i = 0; i < 3; ++i) {
    request_token(server, "user" + std::to_string(i) + "@example.com", "wrong-password-1");
  }
  EXPECT_TRUE(is_json_error(request_token(server, "other@example.com", "wrong-password-1"), 429));
}

TEST(Auth, MeWithoutATokenIs401WithWwwAuthenticate) {
  TestServer server;
  const auto response = server.get("/api/v1/me");
  EXPECT_TRUE(is_json_error(response, 401));
  EXPECT_EQ(header(response, "WWW-Authenticate"), "Bearer");
}

TEST(Auth, ForgedAndMalformedTokensAre401) {
  TestServer server;
  add_member(server, "anna@example.com", "master");
  const auto token = login(server, "anna@example.com");
  auto forged = token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_TRUE(is_json_error(me(server, forged), 401));
  EXPECT_TRUE(is_json_error(me(server, "not.a.token"), 401));
  EXPECT_TRUE(is_json_error(server.get("/api/v1/me", {{"Authorization", "Basic YTpi"}}), 401));
  // Where a login is optional, a bad token gets the public answer (a browser may still hold
  // one), never a member's view.
  const auto listed = server.get("/api/v1/members/", bearer(forged));
  EXPECT_EQ(listed.result_int(), 200);
  EXPECT_EQ(listed.body().find("anna@example.com"), std::string::npos);
}

TEST(Auth, ADeletedMembersTokenIsRefusedAtOnce) {
  TestServer server;
  add_member(server, "boss@example.com", "master");
  const auto anna = add_member(server, "anna@example.com", "vraq");
  const auto token = login(server, "anna@example.com");
  const auto boss = login(server, "boss@example.com");
  const auto deleted =
      fetch(server.port(), http::verb::delete_, "/api/v1/members/" + anna.short_uuid, bearer(boss));
  EXPECT_EQ(deleted.result_int(), 200);
  EXPECT_TRUE(is_json_error(me(server, token), 401));
}

TEST(Auth, ChangingThePasswordRevokesOlderTokens) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  const auto old_token = login(server, "anna@example.com");
  const auto changed = fetch(
      server.port(), http::verb::post, "/api/v1/members/change_password",
      json_headers(bearer(old_token)),
      json{{"current_password", member_password}, {"new_password", "violet-harbour-trumpet-88"}}
          .dump());
  ASSERT_EQ(changed.result_int(), 200) << changed.body();
  const auto new_token = json::parse(changed.body()).at("access_token").get<std::string>();
  EXPECT_TRUE(is_json_error(me(server, old_token), 401));
  EXPECT_EQ(me(server, new_token).result_int(), 200);
  EXPECT_TRUE(is_json_error(request_token(server, "anna@example.com", member_password), 401));
  EXPECT_EQ(request_token(server, "anna@example.com", "violet-harbour-trumpet-88").result_int(),
            200);
}

TEST(Auth, ChangePasswordNeedsTheCurrentOneAndAStrongNewOne) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  const auto token = login(server, "anna@example.com");
  auto change = [&](const json& body) {
    return fetch(server.port(), http::verb::post, "/api/v1/members/change_password",
                 json_headers(bearer(token)), body.dump());
  };
  const auto weak =
      change({{"current_password", member_password}, {"new_password", "password123"}});
  EXPECT_TRUE(is_json_error(weak, 422));
  EXPECT_NE(weak.body().find("too weak"), std::string::npos);
  const auto wrong = change(
      {{"current_password", "wrong-one-123"}, {"new_password", "violet-harbour-trumpet-88"}});
  EXPECT_TRUE(is_json_error(wrong, 400));  // as the original answered
  EXPECT_EQ(field_errors(wrong).at("current_password"), "is not your current password");
  EXPECT_TRUE(is_json_error(change({{"current_password", member_password}}), 422));
  EXPECT_TRUE(is_json_error(change({{"current_password", 5}, {"new_password", true}}), 422));
  EXPECT_TRUE(is_json_error(change({{"current_password", member_password},
                                    {"new_password", "violet-harbour-trumpet-88"},
                                    {"admin", true}}),
                            400));
}

TEST(Auth, ARoleChangeRevokesTheMembersTokens) {
  TestServer server;
  add_member(server, "boss@example.com", "master");
  const auto anna = add_member(server, "anna@example.com", "prao");
  const auto token = login(server, "anna@example.com");
  const auto boss = login(server, "boss@example.com");
  EXPECT_EQ(patch_member(server, boss, anna.short_uuid, {{"current_role", "vraq"}}).result_int(),
            200);
  EXPECT_TRUE(is_json_error(me(server, token), 401));
  EXPECT_EQ(me(server, login(server, "anna@example.com")).result_int(), 200);
}

TEST(Auth, AFullPasswordQueueIs503WithRetryAfter) {
  TestServer server({.env = {{"TMEIT_PASSWORD_THREADS", "1"}, {"TMEIT_PASSWORD_QUEUE", "0"}}});
  // With no queue, logins that overlap a running hash are turned away rather than piling up.
  std::vector<std::thread> threads;
  std::atomic<int> busy = 0;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      const auto response = request_token(server, "nobody@example.com", "some-password-1");
      if (response.result_int() == 503 && !header(response, "Retry-After").empty()) ++busy;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_GT(busy, 0);
}

}  // namespace
}  // namespace tmeit::test
