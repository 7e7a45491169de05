// ETags and If-Match on members and events: GET and PATCH answer with the record's version, and a
// PATCH naming an older version is refused with 412 and changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/club_fixture.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

class RowVersions : public MasterAndMember {
 protected:
  Response patch(const std::string& target, const std::string& token, const json& body,
                 const std::string& if_match = {}) {
    auto headers = json_headers(bearer(token));
    if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
    return fetch(server_.port(), http::verb::patch, target, headers, body.dump());
  }

  std::string anna_target() const { return "/api/v1/members/" + anna_.short_uuid; }
};

TEST_F(RowVersions, AMemberHasAStrongETagThatChangesWithEveryPatch) {
  const auto read = server_.get(anna_target(), bearer(anna_token_));
  const auto etag = header(read, "ETag");
  EXPECT_EQ(etag, "\"1-self\"");
  const auto changed = patch(anna_target(), anna_token_, {{"phone", "070-1"}}, etag);
  ASSERT_EQ(changed.result_int(), 200) << changed.body();
  EXPECT_EQ(header(changed, "ETag"), "\"2-self\"");
  EXPECT_EQ(header(server_.get(anna_target(), bearer(anna_token_)), "ETag"), "\"2-self\"");
  // The representation differs per viewer, and so does the tag.
  EXPECT_EQ(header(server_.get(anna_target(), bearer(boss_)), "ETag"), "\"2-master\"");
  EXPECT_EQ(header(server_.get(anna_target()), "ETag"), "\"2-public\"");
}

TEST_F(RowVersions, APatchOnAStaleVersionIs412AndChangesNothing) {
  const auto seen = header(server_.get(anna_target(), bearer(anna_token_)), "ETag");
  // A master changes Anna's record meanwhile.
  ASSERT_EQ(patch(anna_target(), boss_, {{"stad", "2026-01-10"}}).result_int(), 200);
  const auto stale = patch(anna_target(), anna_token_, {{"phone", "070-2"}}, seen);
  ASSERT_TRUE(is_json_error(stale, 412)) << stale.body();
  EXPECT_NE(json::parse(stale.body()).at("error").get<std::string>().find("someone else changed"),
            std::string::npos);
  const auto stored = json::parse(server_.get(anna_target(), bearer(boss_)).body());
  EXPECT_EQ(stored.at("phone"), nullptr);
  EXPECT_EQ(stored.at("stad"), "2026-01-10");
}

TEST_F(RowVersions, IfMatchListsStarsAndWeakTagsFollowRfc9110) {
  EXPECT_EQ(
      patch(anna_target(), anna_token_, {{"phone", "1"}}, "\"9-self\", \"1-self\"").result_int(),
      200);
  EXPECT_EQ(patch(anna_target(), anna_token_, {{"phone", "2"}}, "*").result_int(), 200);
  // Weak tags never match If-Match; a tag of another viewer's shape is not this one.
  EXPECT_TRUE(
      is_json_error(patch(anna_target(), anna_token_, {{"phone", "3"}}, "W/\"3-self\""), 412));
  EXPECT_TRUE(
      is_json_error(patch(anna_target(), anna_token_, {{"phone", "3"}}, "\"3-master\""), 412));
  EXPECT_EQ(patch(anna_target(), anna_token_, {{"phone", "3"}}, "\"3-self\"").result_int(), 200);
}

TEST_F(RowVersions, APatchWithoutIfMatchStillWorks) {
  // Clients of the original API send no If-Match; they keep working.
  const auto changed = patch(anna_target(), anna_token_, {{"nickname", "Annie"}});
  ASSERT_EQ(changed.result_int(), 200) << changed.body();
  EXPECT_EQ(header(changed, "ETag"), "\"2-self\"");
}

TEST_F(RowVersions, AnUnknownMemberIs404BeforeAnyPrecondition) {
  EXPECT_TRUE(is_json_error(
      patch("/api/v1/members/AAAAAAAA", boss_, {{"phone", "1"}}, "\"1-master\""), 404));
}

TEST_F(RowVersions, EventsHaveVersionsToo) {
  const auto created =
      fetch(server_.port(), http::verb::post, "/api/v1/events/create", json_headers(bearer(boss_)),
            json({{"title", "Pub"}, {"event_start", "2030-01-01T18:00:00Z"}}).dump());
  ASSERT_EQ(created.result_int(), 200) << created.body();
  EXPECT_EQ(header(created, "ETag"), "\"1\"");
  const auto target = "/api/v1/events/" + json::parse(created.body()).at("uuid").get<std::string>();
  EXPECT_EQ(header(server_.get(target, bearer(boss_)), "ETag"), "\"1\"");
  const auto moved = patch(target, boss_, {{"location", "Nymble"}}, "\"1\"");
  ASSERT_EQ(moved.result_int(), 200) << moved.body();
  EXPECT_EQ(header(moved, "ETag"), "\"2\"");
  const auto stale = patch(target, boss_, {{"title", "Old idea"}}, "\"1\"");
  EXPECT_TRUE(is_json_error(stale, 412)) << stale.body();
  EXPECT_EQ(json::parse(server_.get(target, bearer(boss_)).body()).at("title"), "Pub");
}

}  // namespace
}  // namespace tmeit::test
