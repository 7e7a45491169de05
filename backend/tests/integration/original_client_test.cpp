// The original website's web client (TMEIT/website, front/src/app/): its logins, header menus,
// team and profile pages and master menu, replayed call by call. Each test sends the request the
// client sends and checks the status and fields it reads (docs/api-compatibility.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "support/http_assertions.hpp"
#include "support/original_client.hpp"
#include "util/jwt.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

// Login.js and LoginModal.js: the form is sent as typed, not percent-encoded; 401 and 422 are
// told apart, and only 200 stores the token.
TEST_F(OriginalClient, LoginModalPostsTheRawFormAndReadsTheAccessToken) {
  add_member(server_, "anna@example.com", "vraq");
  auto post = [&](const std::string& form) {
    return fetch(server_.port(), http::verb::post, "/api/v1/token",
                 {{"Content-type", "application/x-www-form-urlencoded"}}, form);
  };
  const auto ok = post(std::string("username=anna@example.com&password=") + member_password);
  ASSERT_EQ(ok.result_int(), 200) << ok.body();
  EXPECT_FALSE(json::parse(ok.body()).at("access_token").get<std::string>().empty());
  EXPECT_EQ(json::parse(ok.body()).at("token_type"), "bearer");
  EXPECT_TRUE(is_json_error(post("username=anna@example.com&password=wrong-horse-9"), 401));
  EXPECT_TRUE(is_json_error(post("username=&password="), 422));
}

// GetMyInfo.js, the header menus and LoginModal.js: GET /me with the cookie's token.
TEST_F(OriginalClient, HeaderMenusReadTheLoggedInMemberFromMe) {
  const auto anna = add_member(server_, "anna@example.com", "vraq");
  const auto response =
      fetch(server_.port(), http::verb::get, "/api/v1/me", bearer(login(server_, anna.email)));
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto me = json::parse(response.body());
  EXPECT_EQ(me.at("short_uuid"), anna.short_uuid);
  EXPECT_EQ(me.at("current_role"), "vraq");
  EXPECT_EQ(me.at("first_name"), "Test");
  EXPECT_EQ(me.at("last_name"), "Member");
}

// index.js's /team loader and MemberHandling.js ask for /members without the slash; FastAPI
// redirected them with a 307, and so do we.
TEST_F(OriginalClient, TeamLoaderFollowsTheSlashRedirectToTheDirectory) {
  const auto redirect = fetch(server_.port(), http::verb::get, "/api/v1/members");
  ASSERT_EQ(redirect.result_int(), 307);
  EXPECT_EQ(header(redirect, "Location"), "/api/v1/members/");
  const auto response = browser(http::verb::get, "/api/v1/members");
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto members = json::parse(response.body());
  ASSERT_EQ(members.size(), 1U);
  for (const auto* field : {"short_uuid", "first_name", "nickname", "last_name", "current_role"}) {
    EXPECT_TRUE(members[0].contains(field)) << field;
  }
  EXPECT_FALSE(members[0].contains("login_email"));  // the public view
}

// Profile.js: a member's page by short uuid; a logged-in member also sees contact details.
TEST_F(OriginalClient, ProfilePageReadsAMemberByShortUuid) {
  const auto anna = add_member(server_, "anna@example.com", "vraq");
  add_member(server_, "bo@example.com", "prao");
  const auto target = "/api/v1/members/" + anna.short_uuid;
  const auto as_public = fetch(server_.port(), http::verb::get, target);
  ASSERT_EQ(as_public.result_int(), 200) << as_public.body();
  EXPECT_EQ(json::parse(as_public.body()).at("current_role"), "vraq");
  const auto as_member =
      fetch(server_.port(), http::verb::get, target, bearer(login(server_, "bo@example.com")));
  ASSERT_EQ(as_member.result_int(), 200);
  for (const auto* field : {"nickname", "login_email", "phone", "stad", "fest", "liquor_permit"}) {
    EXPECT_TRUE(json::parse(as_member.body()).contains(field)) << field;
  }
  EXPECT_TRUE(
      is_json_error(fetch(server_.port(), http::verb::get, "/api/v1/members/AAAAAAAA"), 404));
}

// useFetch (FetchHooks.js) sends "Authorization: Bearer <cookie>" on every page, also after the
// token expired or was revoked, and "Bearer " after logging out. The original answered 401 and
// the team and profile pages broke; a login that no longer works now gets the public answer.
TEST_F(OriginalClient, PublicPagesIgnoreATokenThatNoLongerWorks) {
  const auto anna = add_member(server_, "anna@example.com", "vraq");
  const auto now = std::chrono::system_clock::now();
  const auto expired = util::sign_jwt(
      {"email:anna@example.com", now - std::chrono::hours(48), now - std::chrono::hours(1)},
      test_jwt_secret);
  const auto revoked = login(server_, anna.email);
  server_.database().connect().query(
      "UPDATE members SET tokens_valid_after = now() + interval '1 second' WHERE short_uuid = '" +
      anna.short_uuid + "'");
  const std::vector<Headers> stale{bearer(expired), bearer(revoked), bearer("not.a.token"),
                                   Headers{{"Authorization", "Bearer "}},
                                   Headers{{"Authorization", ""}}};
  const std::vector<std::string> public_pages{
      "/api/v1/members/", "/api/v1/members/" + anna.short_uuid, "/api/v1/events/"};
  for (const auto& headers : stale) {
    for (const auto& target : public_pages) {
      const auto response = fetch(server_.port(), http::verb::get, target, headers);
      EXPECT_EQ(response.result_int(), 200) << target << ": " << response.body();
      EXPECT_EQ(response.body().find("anna@example.com"), std::string::npos) << target;
    }
  }
  // Where a login is needed, such a token is still refused.
  EXPECT_TRUE(
      is_json_error(fetch(server_.port(), http::verb::get, "/api/v1/me", bearer(expired)), 401));
}

// AdminMembers.js and AdminEvents.js load everything a master may see.
TEST_F(OriginalClient, MasterMenuListsMembersAndEvents) {
  const auto members =
      fetch(server_.port(), http::verb::get, "/api/v1/members/", bearer(master_token_));
  ASSERT_EQ(members.result_int(), 200);
  for (const auto* field : {"uuid", "short_uuid", "login_email", "current_role", "phone",
                            "drivers_license", "stad", "fest", "liquor_permit"}) {
    EXPECT_TRUE(json::parse(members.body())[0].contains(field)) << field;
  }
  const auto events =
      fetch(server_.port(), http::verb::get, "/api/v1/events/", bearer(master_token_));
  ASSERT_EQ(events.result_int(), 200);
  EXPECT_TRUE(json::parse(events.body()).is_array());
}

// The original answered 200 to creating and deleting events and members (FastAPI's default),
// and its client treats anything else as a failure or reads the answer as JSON.
TEST_F(OriginalClient, CreatingAndDeletingAnswer200WithJson) {
  const auto master = json_headers(bearer(master_token_));
  const auto event = fetch(server_.port(), http::verb::post, "/api/v1/events/create", master,
                           json{{"title", "Pub"}, {"event_start", "2030-05-03T17:00:00Z"}}.dump());
  ASSERT_EQ(event.result_int(), 200) << event.body();
  const auto created = json::parse(event.body());
  EXPECT_EQ(created.at("event_start"), "2030-05-03T17:00:00+00:00");
  EXPECT_TRUE(is_fastapi_time(created.at("created_at")));
  const auto uuid = created.at("uuid").get<std::string>();
  const auto gone = fetch(server_.port(), http::verb::delete_, "/api/v1/events/" + uuid, master);
  ASSERT_EQ(gone.result_int(), 200);
  EXPECT_EQ(json::parse(gone.body()), json({{"status", "deleted"}, {"uuid", uuid}}));

  const auto member = fetch(
      server_.port(), http::verb::post, "/api/v1/members/create", master,
      json{{"login_email", "cleo@example.com"}, {"first_name", "Cleo"}, {"last_name", "L"}}.dump());
  ASSERT_EQ(member.result_int(), 200) << member.body();
  const auto short_uuid = json::parse(member.body()).at("short_uuid").get<std::string>();
  EXPECT_TRUE(is_fastapi_time(json::parse(member.body()).at("created_at")));
  const auto removed =
      fetch(server_.port(), http::verb::delete_, "/api/v1/members/" + short_uuid, master);
  ASSERT_EQ(removed.result_int(), 200);
  EXPECT_EQ(json::parse(removed.body()), json({{"status", "deleted"}, {"short_uuid", short_uuid}}));
}

}  // namespace
}  // namespace tmeit::test
