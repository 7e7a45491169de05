#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <future>
#include <string>
#include <vector>

#include "support/club_fixture.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

class Members : public MasterAndMember {
 protected:
  Response send(http::verb method, const std::string& target, const std::string& token,
                const json& body) {
    return fetch(server_.port(), method, target, json_headers(bearer(token)), body.dump());
  }
};

TEST_F(Members, MastersCreateMembersWithoutAPassword) {
  const auto created = send(http::verb::post, "/api/v1/members/create", boss_,
                            {{"login_email", "new@example.com"},
                             {"first_name", "New"},
                             {"last_name", "Person"},
                             {"current_role", "prao"}});
  ASSERT_EQ(created.result_int(), 200) << created.body();
  const auto body = json::parse(created.body());
  EXPECT_EQ(body.at("current_role"), "prao");
  EXPECT_EQ(body.at("short_uuid").get<std::string>().size(), 8U);
  EXPECT_FALSE(body.contains("password_hash"));
  // No password yet: nothing logs in with one.
  EXPECT_TRUE(is_json_error(request_token(server_, "new@example.com", "some-password-1"), 401));
}

TEST_F(Members, OnlyMastersCreate) {
  const json body{{"login_email", "x@example.com"}, {"first_name", "X"}, {"last_name", "Y"}};
  EXPECT_TRUE(
      is_json_error(send(http::verb::post, "/api/v1/members/create", anna_token_, body), 403));
  EXPECT_TRUE(is_json_error(fetch(server_.port(), http::verb::post, "/api/v1/members/create",
                                  json_headers(), body.dump()),
                            401));
}

TEST_F(Members, CreateValidatesAndRefusesTakenEmails) {
  EXPECT_TRUE(is_json_error(
      send(http::verb::post, "/api/v1/members/create", boss_,
           {{"login_email", "ANNA@example.com"}, {"first_name", "A"}, {"last_name", "B"}}),
      409));
  const auto invalid = send(http::verb::post, "/api/v1/members/create", boss_,
                            {{"login_email", "not-an-email"}, {"first_name", ""}});
  EXPECT_TRUE(is_json_error(invalid, 422));
  const auto detail = field_errors(invalid);
  EXPECT_TRUE(detail.contains("login_email"));
  EXPECT_TRUE(detail.contains("first_name"));
  EXPECT_TRUE(detail.contains("last_name"));
  EXPECT_TRUE(is_json_error(send(http::verb::post, "/api/v1/members/create", boss_,
                                 {{"login_email", "z@example.com"},
                                  {"first_name", "Z"},
                                  {"last_name", "Z"},
                                  {"password_hash", "x"}}),
                            400));
}

TEST_F(Members, PatchSetsFalseEmptyAndNullValues) {
  send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, anna_token_,
       {{"nickname", "Nana"}, {"phone", "070-1234567"}, {"drivers_license", true}});
  const auto response = send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, anna_token_,
                             {{"nickname", ""}, {"phone", nullptr}, {"drivers_license", false}});
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto body = json::parse(response.body());
  EXPECT_EQ(body.at("nickname"), "");
  EXPECT_TRUE(body.at("phone").is_null());
  EXPECT_EQ(body.at("drivers_license"), false);
}

TEST_F(Members, PatchRefusesWrongTypesForEveryEditableField) {
  const json wrong{{"login_email", 5},
                   {"current_role", "king"},
                   {"first_name", false},
                   {"nickname", 1},
                   {"last_name", nullptr},
                   {"phone", true},
                   {"drivers_license", "yes"},
                   {"stad", "31/01/2025"},
                   {"fest", 2025},
                   {"liquor_permit", "2025-02-30"}};
  for (const auto& [field, value] : wrong.items()) {
    const auto response =
        send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, boss_, {{field, value}});
    EXPECT_TRUE(is_json_error(response, 422)) << field;
    EXPECT_TRUE(field_errors(response).contains(field)) << field;
  }
}

TEST_F(Members, PatchToATakenEmailIs409AndEmptyOrBrokenBodiesAre400) {
  EXPECT_TRUE(is_json_error(send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid,
                                 anna_token_, {{"login_email", "BOSS@example.com"}}),
                            409));
  EXPECT_TRUE(is_json_error(
      send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, anna_token_, json::object()),
      400));
  EXPECT_TRUE(
      is_json_error(fetch(server_.port(), http::verb::patch, "/api/v1/members/" + anna_.short_uuid,
                          json_headers(bearer(anna_token_)), "{\"nickname\":"),
                    400));
}

TEST_F(Members, UnknownMembersAre404) {
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/members/AAAAAAAA"), 404));
  EXPECT_TRUE(is_json_error(
      send(http::verb::patch, "/api/v1/members/AAAAAAAA", boss_, {{"nickname", "x"}}), 404));
  EXPECT_TRUE(is_json_error(
      fetch(server_.port(), http::verb::delete_, "/api/v1/members/AAAAAAAA", bearer(boss_)), 404));
}

TEST_F(Members, OnlyMastersDeleteAndNotThemselves) {
  const auto path = "/api/v1/members/" + anna_.short_uuid;
  EXPECT_TRUE(
      is_json_error(fetch(server_.port(), http::verb::delete_, path, bearer(anna_token_)), 403));
  const auto me = json::parse(server_.get("/api/v1/me", bearer(boss_)).body());
  EXPECT_TRUE(is_json_error(
      fetch(server_.port(), http::verb::delete_,
            "/api/v1/members/" + me.at("short_uuid").get<std::string>(), bearer(boss_)),
      409));
  EXPECT_EQ(fetch(server_.port(), http::verb::delete_, path, bearer(boss_)).result_int(), 200);
  EXPECT_TRUE(is_json_error(server_.get(path), 404));
}

TEST_F(Members, ListIsOrderedByRole) {
  const auto list = json::parse(server_.get("/api/v1/members/").body());
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[0].at("current_role"), "master");
  EXPECT_EQ(list[1].at("current_role"), "vraq");
}

// Lists asked at the same time share renderings (http::SingleFlight); each viewer must still get
// the directory shaped for them, never another viewer's.
TEST_F(Members, ConcurrentListsKeepEachViewersShape) {
  struct Viewer {
    std::string token;
    bool sees_email;
    bool sees_created_at;
  };
  const std::vector<Viewer> viewers{
      {"", false, false}, {anna_token_, true, false}, {boss_, true, true}};
  std::vector<std::future<std::string>> problems;
  for (int round = 0; round < 20; ++round) {
    for (const auto& viewer : viewers) {
      problems.push_back(std::async(std::launch::async, [this, viewer]() -> std::string {
        const auto headers = viewer.token.empty() ? Headers{} : bearer(viewer.token);
        const auto list = json::parse(server_.get("/api/v1/members/", headers).body());
        for (const auto& member : list) {
          if (member.contains("login_email") != viewer.sees_email ||
              member.contains("created_at") != viewer.sees_created_at) {
            return member.dump();
          }
        }
        return "";
      }));
    }
  }
  for (auto& problem : problems) EXPECT_EQ(problem.get(), "");
}

}  // namespace
}  // namespace tmeit::test
