// The original website's web client (TMEIT/website, front/src/app/): joining, the masters'
// sign-up queue, password resets and the old-website migration pages, replayed call by call.
// Each test sends the request the client sends and checks the status and fields it reads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/http_assertions.hpp"
#include "support/original_client.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

// JoinForm.js sends login_email and an empty phone, and goes on only after a 200.
TEST_F(OriginalClient, JoinFormSignsUpWithLoginEmailAndNoPhone) {
  const auto response = join("prao@example.com");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto sign_up = json::parse(response.body());
  EXPECT_EQ(sign_up.at("login_email"), "prao@example.com");
  EXPECT_EQ(sign_up.at("first_name"), "Prao");
  EXPECT_EQ(sign_up.at("last_name"), "Praosson");
  EXPECT_TRUE(sign_up.at("phone").is_null());
  EXPECT_TRUE(is_fastapi_time(sign_up.at("time_created")));
  EXPECT_FALSE(sign_up.contains("password"));
}

// On a 422 JoinForm.js shows `msg` of every item of `detail`.
TEST_F(OriginalClient, JoinFormShowsEveryMessageOfA422) {
  const auto invalid = fetch(server_.port(), http::verb::post, "/api/v1/sign_up/sign_up",
                             {{"Content-Type", "application/json"}},
                             json{{"login_email", "not-an-email"},
                                  {"first_name", ""},
                                  {"last_name", "Praosson"},
                                  {"phone", ""},
                                  {"password", joiner_password}}
                                 .dump());
  ASSERT_TRUE(is_json_error(invalid, 422)) << invalid.body();
  const auto detail = json::parse(invalid.body()).at("detail");
  ASSERT_EQ(detail.size(), 2U);
  for (const auto& item : detail) EXPECT_FALSE(item.at("msg").get<std::string>().empty());
  EXPECT_EQ(field_errors(invalid).at("login_email"), "must be an email address");
  EXPECT_EQ(field_errors(invalid).at("first_name"), "must not be empty");
  // A weak password is judged once the fields are valid, and listed the same way.
  const auto weak = join("prao@example.com", "password1");
  ASSERT_TRUE(is_json_error(weak, 422)) << weak.body();
  EXPECT_TRUE(field_errors(weak).contains("password"));
}

// MasterSignups.js (useFetch of /sign_up/) and GetSignups.js (/sign_up, no slash) show the
// email, names, phone, the time and the address a sign-up came from.
TEST_F(OriginalClient, MasterSignupsListShowsEmailTimeAndAddress) {
  const auto uuid = joined("prao@example.com");
  for (const auto* target : {"/api/v1/sign_up/", "/api/v1/sign_up"}) {
    const auto response = browser(http::verb::get, target, bearer(master_token_));
    ASSERT_EQ(response.result_int(), 200) << target << ": " << response.body();
    const auto list = json::parse(response.body());
    ASSERT_EQ(list.size(), 1U) << target;
    EXPECT_EQ(list[0].at("uuid"), uuid);
    EXPECT_EQ(list[0].at("login_email"), "prao@example.com");
    EXPECT_EQ(list[0].at("first_name"), "Prao");
    EXPECT_EQ(list[0].at("last_name"), "Praosson");
    EXPECT_TRUE(list[0].at("phone").is_null());
    EXPECT_TRUE(is_fastapi_time(list[0].at("time_created")));
    EXPECT_EQ(list[0].at("ip_address"), "127.0.0.1");
  }
}

// MasterSignups.js approves with an empty POST and accepts any 2xx; the applicant then logs in
// with the password they chose.
TEST_F(OriginalClient, MasterSignupsApprovesWithAnEmptyPost) {
  const auto uuid = joined("prao@example.com");
  const auto response = fetch(server_.port(), http::verb::post, "/api/v1/sign_up/approve/" + uuid,
                              {{"Authorization", "Bearer " + master_token_}});
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(json::parse(response.body()).at("current_role"), "prao");
  EXPECT_EQ(request_token(server_, "prao@example.com", joiner_password).result_int(), 200);
}

// MasterSignups.js deletes and accepts any 2xx (the original answered 204).
TEST_F(OriginalClient, MasterSignupsDeletes) {
  const auto uuid = joined("prao@example.com");
  const auto response =
      fetch(server_.port(), http::verb::delete_, "/api/v1/sign_up/" + uuid, bearer(master_token_));
  EXPECT_EQ(response.result_int(), 204);
  const auto list =
      fetch(server_.port(), http::verb::get, "/api/v1/sign_up/", bearer(master_token_));
  EXPECT_EQ(json::parse(list.body()), json::array());
}

// LoginModal.js ("forgot your password?") sends PUT /reset and reports success only on 200;
// the original told unknown emails apart (500), which it must no longer be able to.
TEST_F(OriginalClient, ForgotPasswordGets200WhetherOrNotTheEmailIsAMembers) {
  add_member(server_, "anna@example.com", "vraq");
  auto forgot = [&](const std::string& target, const std::string& email) {
    return browser(http::verb::put, target, {{"Content-Type", "application/json"}},
                   json{{"email", email}}.dump());
  };
  const auto known = forgot("/api/v1/reset", "anna@example.com");
  const auto unknown = forgot("/api/v1/reset", "nobody@example.com");
  ASSERT_EQ(known.result_int(), 200) << known.body();
  ASSERT_EQ(unknown.result_int(), 200) << unknown.body();
  EXPECT_EQ(known.body(), unknown.body());
  // The original's own path had a trailing slash.
  EXPECT_EQ(forgot("/api/v1/reset/", "anna@example.com").result_int(), 200);
}

// PasswordReset.js sends the token from the link, the email as a query parameter and the new
// password, and reports success only on 200.
TEST_F(OriginalClient, PasswordResetPageSetsTheNewPassword) {
  add_member(server_, "anna@example.com", "vraq");
  ASSERT_EQ(browser(http::verb::put, "/api/v1/reset", {{"Content-Type", "application/json"}},
                    json{{"email", "anna@example.com"}}.dump())
                .result_int(),
            200);
  const auto token = latest_reset_token();
  ASSERT_FALSE(token.empty());
  const auto response =
      fetch(server_.port(), http::verb::put, "/api/v1/reset/" + token + "?email=anna@example.com",
            {{"Content-Type", "application/json"}},
            json{{"password", "harbour-pickle-zenith-52"}}.dump());
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(request_token(server_, "anna@example.com", "harbour-pickle-zenith-52").result_int(),
            200);
}

// WebsiteMigrations.js and WebsiteMigrate.js moved accounts over from the old website; that is
// over, and every such call gets a 410 that says what to do instead.
TEST_F(OriginalClient, WebsiteMigrationPagesAreGoneWithAReason) {
  const std::string uuid = "6f1c2d8e-0d5e-4a57-9a51-3c0f7e2b9a10";
  const auto listed = browser(http::verb::get, "/api/v1/migrations/members", bearer(master_token_));
  EXPECT_TRUE(is_json_error(listed, 410)) << listed.body();
  EXPECT_NE(json::parse(listed.body()).at("error").get<std::string>().find("old website"),
            std::string::npos);
  EXPECT_TRUE(is_json_error(
      fetch(server_.port(), http::verb::get, "/api/v1/migrations/members/" + uuid + "?token=x"),
      410));
  EXPECT_TRUE(is_json_error(
      fetch(server_.port(), http::verb::post, "/api/v1/migrations/members/" + uuid + "/migrate",
            {{"Content-Type", "application/json"}},
            json{{"uuid", uuid}, {"login_email", "old@example.com"}}.dump()),
      410));
}

}  // namespace
}  // namespace tmeit::test
