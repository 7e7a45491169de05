// Smaller defects a black-box probe found, each a 4xx now: invalid UTF-8 in the login form, a
// JSON body that repeats a key, tokens whose times make no sense.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "support/club.hpp"
#include "support/http_assertions.hpp"
#include "util/jwt.hpp"

namespace tmeit::test {
namespace {

Response post_form(TestServer& server, const std::string& body) {
  return fetch(server.port(), http::verb::post, "/api/v1/token",
               {{"Content-Type", "application/x-www-form-urlencoded"}}, body);
}

TEST(HostileInput, UsernameThatIsNotUtf8Is422NotA500) {
  TestServer server;
  EXPECT_TRUE(is_json_error(post_form(server, "username=%ff&password=whatever-it-is"), 422));
  EXPECT_TRUE(is_json_error(post_form(server, "username=a%C0%AFb&password=x"), 422));
  EXPECT_TRUE(is_json_error(post_form(server, "username=anna%40example.com&password=%ff"), 422));
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(HostileInput, RepeatedFormFieldIs400) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  EXPECT_TRUE(is_json_error(
      post_form(server, "username=anna%40example.com&username=bo%40example.com&password=x"), 400));
}

TEST(HostileInput, JsonBodyWithARepeatedKeyIs400AndChangesNothing) {
  TestServer server;
  const auto anna = add_member(server, "anna@example.com", "prao");
  const auto token = login(server, anna.email);
  const auto response =
      fetch(server.port(), http::verb::patch, "/api/v1/members/" + anna.short_uuid,
            json_headers(bearer(token)), R"({"nickname":"Anki","nickname":"Boss"})");
  EXPECT_TRUE(is_json_error(response, 400));
  EXPECT_NE(response.body().find("nickname"), std::string::npos) << response.body();
  const auto rows = server.database().connect().query(
      "SELECT nickname FROM members WHERE short_uuid = '" + anna.short_uuid + "'");
  EXPECT_FALSE(rows.at(0).at(0).has_value()) << *rows.at(0).at(0);
}

/// A token for `email` signed with the test server's key, with these claims.
std::string token_with_times(const std::string& email, long long iat, long long exp,
                             const std::string& extra = {}) {
  const std::string payload = R"({"sub":"email:)" + email + R"(","iat":)" + std::to_string(iat) +
                              R"(,"exp":)" + std::to_string(exp) + extra + "}";
  return util::sign_jwt_parts(R"({"alg":"HS256","typ":"JWT"})", payload, test_jwt_secret);
}

long long unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST(HostileInput, TokenIssuedInTheFutureIsRefused) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  const auto now = unix_now();
  EXPECT_EQ(
      server.get("/api/v1/me", bearer(token_with_times("anna@example.com", now - 10, now + 3600)))
          .result_int(),
      200)
      << "a well-formed token must pass, or the refusals below prove nothing";
  const auto future = token_with_times("anna@example.com", now + 3600, now + 7200);
  EXPECT_TRUE(is_json_error(server.get("/api/v1/me", bearer(future)), 401));
}

TEST(HostileInput, TokenIssuedBeforeItsNotBeforeIsRefused) {
  TestServer server;
  add_member(server, "anna@example.com", "vraq");
  const auto now = unix_now();
  const auto token = token_with_times("anna@example.com", now - 600, now + 3600,
                                      R"(,"nbf":)" + std::to_string(now - 300));
  EXPECT_TRUE(is_json_error(server.get("/api/v1/me", bearer(token)), 401));
}

}  // namespace
}  // namespace tmeit::test
