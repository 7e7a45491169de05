// What happens to photos around them: event banners (set, replaced, removed, deleted with their
// event), a member's erasure and data export, and `tmeit storage sweep` cleaning up what a
// failure left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include <chrono>
#include <filesystem>

#include "support/http_assertions.hpp"
#include "support/photo_uploads.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

class PhotoLifecycle : public PhotoClub {
 protected:
  /// Creates an event as the master and returns its uuid.
  std::string create_event(const std::string& visibility) {
    const auto response = send(
        http::verb::post, "/api/v1/events/create", boss_token_,
        {{"title", "Gasque"}, {"event_start", "2030-01-01T18:00:00Z"}, {"visibility", visibility}});
    EXPECT_EQ(response.result_int(), 200U) << response.body();
    return json_body(response).value("uuid", "");
  }

  Response put_banner(const std::string& event, const std::string& token,
                      const std::string& image) {
    return fetch(server_.port(), http::verb::put, "/api/v1/events/" + event + "/banner",
                 form_headers(bearer(token)), photo_form(image));
  }
};

TEST_F(PhotoLifecycle, MarshalsSetABannerThatFollowsItsEventsVisibility) {
  const auto marshal = add_member(server_, "marshal@example.com", "marshal");
  const auto marshal_token = login(server_, marshal.email);
  const auto open = create_event("public");
  const auto internal = create_event("internal");
  EXPECT_TRUE(is_json_error(put_banner(open, bob_token_, test_jpeg()), 403));
  const auto response = put_banner(open, marshal_token, test_jpeg());
  ASSERT_EQ(response.result_int(), 200U) << response.body();
  const auto banner = json_body(response)["banner"];
  ASSERT_EQ(banner.size(), 3U);
  EXPECT_EQ(json_body(server_.get("/api/v1/events/" + open))["banner"], banner);
  const auto served = server_.get(banner["1024"].get<std::string>());
  EXPECT_EQ(served.result_int(), 200U);
  EXPECT_EQ(header(served, "Cache-Control"), "public, max-age=31536000, immutable");
  // An internal event's banner is for logged-in members only.
  const auto hidden = json_body(put_banner(internal, marshal_token, large_noise_png()))["banner"];
  EXPECT_TRUE(is_json_error(server_.get(hidden["256"].get<std::string>()), 404));
  EXPECT_EQ(server_.get(hidden["256"].get<std::string>(), bearer(bob_token_)).result_int(), 200U);
  EXPECT_EQ(stored_photo_keys(storage_.path()).size(), 6U);
  // Removing a banner and deleting an event delete their objects.
  EXPECT_EQ(
      send(http::verb::delete_, "/api/v1/events/" + open + "/banner", marshal_token).result_int(),
      204U);
  EXPECT_TRUE(json_body(server_.get("/api/v1/events/" + open))["banner"].is_null());
  EXPECT_EQ(stored_photo_keys(storage_.path()).size(), 3U);
  EXPECT_EQ(send(http::verb::delete_, "/api/v1/events/" + internal, boss_token_).result_int(),
            200U);
  EXPECT_EQ(stored_photo_keys(storage_.path()), std::vector<std::string>{});
  EXPECT_TRUE(is_json_error(put_banner(internal, marshal_token, test_jpeg()), 404));
  EXPECT_EQ(stored_photo_keys(storage_.path()), std::vector<std::string>{});
}

TEST_F(PhotoLifecycle, ANewBannerReplacesTheOldOnesObjects) {
  const auto event = create_event("public");
  const auto first = json_body(put_banner(event, boss_token_, test_jpeg()))["banner"];
  const auto second = json_body(put_banner(event, boss_token_, large_noise_png()))["banner"];
  EXPECT_NE(first, second);
  std::vector<std::string> keys{key_of_url(second["256"].get<std::string>()),
                                key_of_url(second["1024"].get<std::string>()),
                                key_of_url(second["2048"].get<std::string>())};
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(stored_photo_keys(storage_.path()), keys);
}

TEST_F(PhotoLifecycle, ErasingAMemberDeletesTheirPhotosAndTheExportListsThem) {
  const auto photo = anna_uploads("public");
  const auto exported = json_body(
      server_.get("/api/v1/members/" + anna_.short_uuid + "/export", bearer(anna_token_)));
  ASSERT_EQ(exported["photos"].size(), 1U);
  EXPECT_EQ(exported["photos"][0]["id"], photo["id"]);
  EXPECT_EQ(exported["photos"][0]["urls"], photo["urls"]);
  EXPECT_EQ(exported["photos"][0]["primary"], true);
  // Bob's copy of the same picture keeps the objects until it goes too.
  ASSERT_EQ(upload(bob_.short_uuid, bob_token_, photo_form(test_jpeg())).result_int(), 201U);
  EXPECT_EQ(
      send(http::verb::delete_, "/api/v1/members/" + anna_.short_uuid, boss_token_).result_int(),
      200U);
  EXPECT_EQ(stored_photo_keys(storage_.path()).size(), 3U);
  EXPECT_EQ(
      send(http::verb::delete_, "/api/v1/members/" + bob_.short_uuid, boss_token_).result_int(),
      200U);
  EXPECT_EQ(stored_photo_keys(storage_.path()), std::vector<std::string>{});
  EXPECT_TRUE(is_json_error(server_.get(photo["urls"]["256"].get<std::string>()), 404));
}

TEST_F(PhotoLifecycle, TheSweepDeletesOldOrphansAndReportsMissingObjects) {
  const auto photo = anna_uploads();
  const std::string old_orphan = "photos/" + std::string(64, 'b') + ".webp";
  const std::string young_orphan = "photos/" + std::string(64, 'c') + ".webp";
  const std::string lost = "photos/" + std::string(64, 'd') + ".webp";
  const auto old_path = storage_.write(old_orphan, "old");
  storage_.write(young_orphan, "young");
  std::filesystem::last_write_time(
      old_path, std::filesystem::file_time_type::clock::now() - std::chrono::hours(48));
  server_.database().connect().query(
      "INSERT INTO member_photos (member_uuid, width, height, key_2048, key_1024, key_256)"
      " VALUES ('" +
      bob_.uuid + "', 10, 10, '" + lost + "', '" + lost + "', '" + lost + "')");
  const Environment env = server_environment(
      server_.database().url(),
      {{"TMEIT_STORAGE_BACKEND", "folder"}, {"TMEIT_STORAGE_DIR", storage_.path().string()}});
  const auto dry = run_tmeit({"storage", "sweep", "--dry-run"}, env);
  EXPECT_EQ(dry.exit_code, 1) << dry.output;
  EXPECT_NE(dry.output.find("would delete " + old_orphan), std::string::npos) << dry.output;
  EXPECT_TRUE(std::filesystem::exists(old_path));
  const auto swept = run_tmeit({"storage", "sweep"}, env);
  EXPECT_EQ(swept.exit_code, 1) << swept.output;  // a row's object is missing
  EXPECT_NE(swept.output.find("delete " + old_orphan), std::string::npos) << swept.output;
  EXPECT_NE(swept.output.find("missing " + lost), std::string::npos) << swept.output;
  EXPECT_NE(swept.output.find("5 objects, 1 deleted, 1 without a row but younger than a day "
                              "(kept), 1 missing"),
            std::string::npos)
      << swept.output;
  EXPECT_FALSE(std::filesystem::exists(old_path));
  EXPECT_TRUE(std::filesystem::exists(storage_.path() / young_orphan));
  // The photo in use keeps its objects.
  EXPECT_EQ(server_.get(photo["urls"]["2048"].get<std::string>(), bearer(anna_token_)).result_int(),
            200U);
}

}  // namespace
}  // namespace tmeit::test
