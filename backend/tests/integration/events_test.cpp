// Events: visibility per viewer, listing, and who may create, change and delete them.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"
#include "util/password_hash.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr const char* password = "a-long-test-password";

/// One cheap hash for every test member: login verifies it with the cost it names.
const std::string& password_hash() {
  static const std::string hash = util::hash_password(password, {1, 1024, 1});
  return hash;
}

class Events : public ::testing::Test {
 protected:
  void TearDown() override {
    if (HasFailure()) std::cerr << server_.process().output();
  }

  /// A bearer header for a new member with `role`, logged in through POST /api/v1/token.
  Headers as(const std::string& role) {
    auto found = tokens_.find(role);
    if (found == tokens_.end()) {
      const auto email = role + "@example.org";
      server_.database().connect().scalar(
          "INSERT INTO members (login_email, role, first_name, last_name, password_hash) VALUES "
          "('" +
          email + "', '" + role + "', 'A', 'B', '" + password_hash() + "') RETURNING 1");
      auto response = fetch(server_.port(), http::verb::post, "/api/v1/token",
                            {{"Content-Type", "application/x-www-form-urlencoded"}},
                            "username=" + email + "&password=" + password);
      EXPECT_EQ(response.result_int(), 200U) << response.body();
      found = tokens_.emplace(role, json_body(response).value("access_token", "")).first;
    }
    return {{"Authorization", "Bearer " + found->second}};
  }

  Response send(http::verb method, const std::string& target, Headers headers,
                const json& body = nullptr) {
    if (body.is_null()) return fetch(server_.port(), method, target, headers);
    headers.emplace_back("Content-Type", "application/json");
    return fetch(server_.port(), method, target, headers, body.dump());
  }

  /// Creates an event through the API as a master and returns its uuid.
  std::string create(const std::string& title, const std::string& visibility,
                     const std::string& start = "2030-01-01T18:00:00Z") {
    auto response = send(http::verb::post, "/api/v1/events/create", as("master"),
                         {{"title", title}, {"event_start", start}, {"visibility", visibility}});
    EXPECT_EQ(response.result_int(), 200U) << response.body();
    return json_body(response).value("uuid", "");
  }

  /// The titles GET target returns for `viewer` (empty: not logged in).
  std::vector<std::string> titles(const std::string& target, const std::string& viewer = "") {
    auto response = send(http::verb::get, target, viewer.empty() ? Headers{} : as(viewer));
    EXPECT_EQ(response.result_int(), 200U) << response.body();
    std::vector<std::string> out;
    for (const auto& event : json_body(response)) out.push_back(event.value("title", ""));
    return out;
  }

  unsigned status_of_get(const std::string& uuid, const std::string& viewer) {
    return send(http::verb::get, "/api/v1/events/" + uuid, viewer.empty() ? Headers{} : as(viewer))
        .result_int();
  }

  TestServer server_;
  std::map<std::string, std::string> tokens_;
};

using Titles = std::vector<std::string>;

TEST_F(Events, ListShowsEachViewerTheirVisibilities) {
  create("pub", "public", "2030-01-01T18:00:00Z");
  create("int", "internal", "2030-01-02T18:00:00Z");
  create("ele", "elected", "2030-01-03T18:00:00Z");
  EXPECT_EQ(titles("/api/v1/events/"), Titles({"pub"}));
  EXPECT_EQ(titles("/api/v1/events/", "exprao"), Titles({"pub"}));
  EXPECT_EQ(titles("/api/v1/events/", "prao"), Titles({"pub", "int"}));
  EXPECT_EQ(titles("/api/v1/events/", "ex"), Titles({"pub", "int"}));
  for (const auto* role : {"vraq", "marshal", "master"}) {
    EXPECT_EQ(titles("/api/v1/events/", role), Titles({"pub", "int", "ele"})) << role;
  }
}

TEST_F(Events, GetOfAHiddenEventIsNotFound) {
  const auto pub = create("pub", "public");
  const auto internal = create("int", "internal");
  const auto elected = create("ele", "elected");
  EXPECT_EQ(status_of_get(pub, ""), 200U);
  EXPECT_EQ(status_of_get(internal, ""), 404U);
  EXPECT_EQ(status_of_get(internal, "exprao"), 404U);
  EXPECT_EQ(status_of_get(internal, "prao"), 200U);
  EXPECT_EQ(status_of_get(elected, "prao"), 404U);
  for (const auto* role : {"vraq", "marshal", "master"}) {
    EXPECT_EQ(status_of_get(elected, role), 200U) << role;
  }
}

TEST_F(Events, GetReturnsEveryField) {
  const auto uuid = create("Gasque", "public", "2030-05-01T20:00:00+02:00");
  auto event = json_body(server_.get("/api/v1/events/" + uuid));
  EXPECT_EQ(event["uuid"], uuid);
  EXPECT_EQ(event["event_start"], "2030-05-01T18:00:00+00:00");
  EXPECT_TRUE(event["event_end"].is_null());
  EXPECT_EQ(event["description"], "");
  EXPECT_TRUE(event.contains("created_at"));
}

TEST_F(Events, BadUuidIsNotFound) {
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/events/not-a-uuid"), 404));
  EXPECT_TRUE(
      is_json_error(server_.get("/api/v1/events/00000000-0000-0000-0000-000000000000"), 404));
  EXPECT_TRUE(is_json_error(send(http::verb::delete_, "/api/v1/events/xyz", as("master")), 404));
  EXPECT_TRUE(is_json_error(
      send(http::verb::patch, "/api/v1/events/xyz", as("master"), {{"title", "x"}}), 404));
}

TEST_F(Events, UpcomingLimitAndOffsetPageTheList) {
  create("past-old", "public", "2001-01-01T18:00:00Z");
  create("past-new", "public", "2002-01-01T18:00:00Z");
  create("soon", "public", "2030-01-01T18:00:00Z");
  create("later", "public", "2031-01-01T18:00:00Z");
  EXPECT_EQ(titles("/api/v1/events/?upcoming=true"), Titles({"soon", "later"}));
  EXPECT_EQ(titles("/api/v1/events/?upcoming=false"), Titles({"past-new", "past-old"}));
  EXPECT_EQ(titles("/api/v1/events/?limit=2&offset=1"), Titles({"past-new", "soon"}));
  EXPECT_EQ(titles("/api/v1/events/?upcoming=true&offset=1"), Titles({"later"}));
}

TEST_F(Events, AStartedEventThatStillRunsIsUpcoming) {
  auto response = send(http::verb::post, "/api/v1/events/create", as("master"),
                       {{"title", "running"},
                        {"event_start", "2001-01-01T18:00:00Z"},
                        {"event_end", "2099-01-01T18:00:00Z"},
                        {"visibility", "public"}});
  ASSERT_EQ(response.result_int(), 200U) << response.body();
  EXPECT_EQ(titles("/api/v1/events/?upcoming=true"), Titles({"running"}));
  EXPECT_EQ(titles("/api/v1/events/?upcoming=false"), Titles({}));
}

TEST_F(Events, BadQueryValuesAreNamed) {
  for (const auto* query : {"upcoming=yes", "limit=0", "limit=501", "limit=x", "offset=-1"}) {
    auto response = server_.get(std::string("/api/v1/events/?") + query);
    ASSERT_TRUE(is_json_error(response, 422)) << query;
    const auto name = std::string(query).substr(0, std::string(query).find('='));
    EXPECT_TRUE(field_errors(response).contains(name)) << query;
    EXPECT_EQ(json_body(response)["detail"][0]["loc"][0], "query") << query;
  }
}

TEST_F(Events, MarshalCreates) {
  auto response = send(http::verb::post, "/api/v1/events/create", as("marshal"),
                       {{"title", "Pub"},
                        {"event_start", "2030-01-01T18:00:00Z"},
                        {"event_end", "2030-01-01T23:00:00Z"},
                        {"location", "Nymble"},
                        {"visibility", "public"}});
  ASSERT_EQ(response.result_int(), 200U) << response.body();
  const auto event = json_body(response);
  EXPECT_EQ(event["title"], "Pub");
  EXPECT_EQ(event["uuid"].get<std::string>().size(), 36U);
  EXPECT_EQ(event["event_end"], "2030-01-01T23:00:00+00:00");
}

TEST_F(Events, OnlyMarshalsAndMastersCreate) {
  const json body{{"title", "x"}, {"event_start", "2030-01-01T18:00:00Z"}};
  EXPECT_TRUE(is_json_error(send(http::verb::post, "/api/v1/events/create", {}, body), 401));
  EXPECT_TRUE(
      is_json_error(send(http::verb::post, "/api/v1/events/create", as("vraq"), body), 403));
  EXPECT_TRUE(
      is_json_error(send(http::verb::post, "/api/v1/events/create", as("prao"), body), 403));
}

TEST_F(Events, CreateValidatesEveryField) {
  const json cases[] = {
      {{"title", 5}, {"event_start", "2030-01-01T18:00:00Z"}},
      {{"title", ""}, {"event_start", "2030-01-01T18:00:00Z"}},
      {{"title", "x"}, {"event_start", "tomorrow"}},
      {{"title", "x"}, {"event_start", "2030-01-01T18:00:00Z"}, {"visibility", "secret"}},
      {{"title", "x"}, {"event_start", "2030-01-01T18:00:00Z"}, {"description", false}},
      {{"title", "x"}, {"event_start", "2030-01-01T18:00:00Z"}, {"location", json::array()}},
      {{"title", "x"}, {"event_start", "2030-01-01T18:00:00Z"}, {"event_end", 17}},
      {{"title", "x"}},
  };
  for (const auto& body : cases) {
    auto response = send(http::verb::post, "/api/v1/events/create", as("marshal"), body);
    EXPECT_TRUE(is_json_error(response, 422)) << body.dump();
  }
}

TEST_F(Events, PatchChangesOnlyTheGivenFields) {
  const auto uuid = create("Pub", "public");
  auto response =
      send(http::verb::patch, "/api/v1/events/" + uuid, as("marshal"), {{"location", "Kistan"}});
  ASSERT_EQ(response.result_int(), 200U) << response.body();
  EXPECT_EQ(json_body(response)["location"], "Kistan");
  EXPECT_EQ(json_body(response)["title"], "Pub");
}

TEST_F(Events, PatchClearsTheEnd) {
  const auto uuid = create("Pub", "public");
  auto set = send(http::verb::patch, "/api/v1/events/" + uuid, as("marshal"),
                  {{"event_end", "2030-01-01T23:00:00Z"}});
  ASSERT_EQ(set.result_int(), 200U) << set.body();
  auto cleared =
      send(http::verb::patch, "/api/v1/events/" + uuid, as("marshal"), {{"event_end", nullptr}});
  ASSERT_EQ(cleared.result_int(), 200U) << cleared.body();
  EXPECT_TRUE(json_body(cleared)["event_end"].is_null());
}

TEST_F(Events, PatchRefusesAnEndBeforeTheStart) {
  const auto uuid = create("Pub", "public", "2030-01-01T18:00:00Z");
  auto response = send(http::verb::patch, "/api/v1/events/" + uuid, as("marshal"),
                       {{"event_end", "2030-01-01T17:00:00Z"}});
  ASSERT_TRUE(is_json_error(response, 422));
  EXPECT_TRUE(field_errors(response).contains("event_end"));
}

TEST_F(Events, PatchRefusesWrongTypesAndNulls) {
  const auto uuid = create("Pub", "public");
  const json cases[] = {{{"title", 1}},        {{"title", nullptr}},       {{"description", 2}},
                        {{"location", true}},  {{"event_start", nullptr}}, {{"event_end", 3}},
                        {{"visibility", "x"}}, {{"visibility", nullptr}}};
  for (const auto& body : cases) {
    auto response = send(http::verb::patch, "/api/v1/events/" + uuid, as("marshal"), body);
    ASSERT_TRUE(is_json_error(response, 422)) << body.dump();
    EXPECT_TRUE(field_errors(response).contains(body.begin().key())) << body.dump();
  }
}

TEST_F(Events, PatchNamesAnUnknownField) {
  const auto uuid = create("Pub", "public");
  for (const auto* field : {"colour", "uuid", "created_at"}) {
    auto response =
        send(http::verb::patch, "/api/v1/events/" + uuid, as("marshal"), {{field, "x"}});
    ASSERT_TRUE(is_json_error(response, 400)) << field;
    EXPECT_NE(json_body(response)["error"].get<std::string>().find(field), std::string::npos);
  }
}

TEST_F(Events, PatchNeedsAMarshal) {
  const auto uuid = create("Pub", "public");
  EXPECT_TRUE(is_json_error(
      send(http::verb::patch, "/api/v1/events/" + uuid, as("vraq"), {{"title", "x"}}), 403));
  EXPECT_TRUE(
      is_json_error(send(http::verb::patch, "/api/v1/events/" + uuid, {}, {{"title", "x"}}), 401));
}

TEST_F(Events, OnlyMastersDelete) {
  const auto uuid = create("Pub", "public");
  EXPECT_TRUE(
      is_json_error(send(http::verb::delete_, "/api/v1/events/" + uuid, as("marshal")), 403));
  EXPECT_EQ(send(http::verb::delete_, "/api/v1/events/" + uuid, as("master")).result_int(), 200U);
  EXPECT_EQ(status_of_get(uuid, "master"), 404U);
  EXPECT_TRUE(
      is_json_error(send(http::verb::delete_, "/api/v1/events/" + uuid, as("master")), 404));
}

}  // namespace
}  // namespace tmeit::test
