// Members' photo galleries: uploads (multipart/form-data), their limits and refusals, who may
// change whose photos, the primary photo, deletion and what it leaves in object storage.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "media/test_images.hpp"
#include "support/http_assertions.hpp"
#include "support/photo_uploads.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

bool is_photo_url(const json& url) {
  static const std::regex pattern("/photos/[0-9a-f]{64}\\.webp");
  return url.is_string() && std::regex_match(url.get<std::string>(), pattern);
}

using Photos = PhotoClub;

TEST_F(Photos, AnUploadIsStoredInThreeSizesAndAnswers201WithItsLocation) {
  const auto response = upload(anna_.short_uuid, anna_token_, photo_form(test_jpeg(), "public"));
  ASSERT_EQ(response.result_int(), 201U) << response.body();
  const auto photo = json_body(response);
  EXPECT_EQ(photo["id"].get<std::string>().size(), 36U);
  EXPECT_EQ(header(response, "Location"),
            "/api/v1/members/" + anna_.short_uuid + "/photos/" + photo["id"].get<std::string>());
  EXPECT_EQ(photo["visibility"], "public");
  EXPECT_EQ(photo["primary"], true);  // the first photo becomes the primary one
  EXPECT_EQ(photo["width"], 1200);
  EXPECT_EQ(photo["height"], 800);
  ASSERT_EQ(photo["urls"].size(), 3U);
  for (const auto* size : {"256", "1024", "2048"}) EXPECT_TRUE(is_photo_url(photo["urls"][size]));
  // 1200×800 is stored as 1200×800, 1024×683 and 256×171: three objects.
  std::vector<std::string> keys{key_of_url(photo["urls"]["256"].get<std::string>()),
                                key_of_url(photo["urls"]["1024"].get<std::string>()),
                                key_of_url(photo["urls"]["2048"].get<std::string>())};
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(stored_photo_keys(storage_.path()), keys);
  const auto listed = json_body(
      send(http::verb::get, "/api/v1/members/" + anna_.short_uuid + "/photos", bob_token_));
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0], photo);
  const auto one = send(http::verb::get, header(response, "Location"), bob_token_);
  EXPECT_EQ(json_body(one), photo);
}

TEST_F(Photos, UploadRoutesTakeBodiesOverTheServersLimitOtherRoutesDoNot) {
  const auto& png = large_noise_png();
  ASSERT_GT(png.size(), 1024U * 1024U);  // over TMEIT_MAX_BODY_BYTES' default
  const auto response = upload(anna_.short_uuid, anna_token_, photo_form(png));
  EXPECT_EQ(response.result_int(), 201U) << response.body();
  const auto patch = fetch(server_.port(), http::verb::patch, "/api/v1/members/" + anna_.short_uuid,
                           json_headers(bearer(anna_token_)),
                           "{\"nickname\": \"" + std::string(png.size(), 'a') + "\"}");
  EXPECT_TRUE(is_json_error(patch, 413));
}

TEST_F(Photos, ADeclaredBodyOver15MBIsRefusedBeforeItIsSent) {
  Connection connection(server_.port());
  connection.write_raw("POST /api/v1/members/" + anna_.short_uuid +
                       "/photos HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                       anna_token_ + "\r\nContent-Type: multipart/form-data; boundary=" +
                       form_boundary + "\r\nContent-Length: 16777216\r\n\r\n");
  // Not a byte of the body is sent: the answer comes on the header alone.
  const auto response = connection.read_response();
  EXPECT_TRUE(is_json_error(response, 413));
  EXPECT_EQ(json_body(response)["error"], "request body too large: this route takes at most 15 MB");
}

struct BadUpload {
  const char* what;
  std::string content_type;
  std::string body;
  unsigned status;
  std::string error;
};

TEST_F(Photos, EachBadUploadGetsAClearErrorAndLeavesNothingBehind) {
  namespace images = media::test_images;
  const std::string form_type = std::string("multipart/form-data; boundary=") + form_boundary;
  const auto jpeg = test_jpeg();
  const std::string zip("PK\x03\x04\x14\0\0\0\x08\0", 10);
  const std::vector<BadUpload> cases{
      {"empty body", form_type, "", 400, "multipart: the body has no boundary"},
      {"missing boundary", "multipart/form-data", photo_form(jpeg), 400,
       "multipart/form-data needs a boundary parameter of 1 to 70 characters"},
      {"not a form", "application/json", "{}", 415, "the body must be multipart/form-data"},
      {"two files", form_type, form_body({{"file", jpeg, "a.jpg"}, {"file2", jpeg, "b.jpg"}}), 422,
       "file2: only one file per upload"},
      {"no file", form_type, form_body({{"visibility", "public"}}), 422,
       "file: a file is required"},
      {"field over the limit", form_type,
       form_body({{"file", jpeg, "a.jpg"}, {"visibility", std::string(5000, 'x')}}), 422,
       "visibility: is longer than 4096 bytes"},
      {"bad visibility", form_type, photo_form(jpeg, "friends"), 422,
       "visibility: must be public or members"},
      {"unknown field", form_type, form_body({{"file", jpeg, "a.jpg"}, {"caption", "hi"}}), 400,
       "field 'caption' does not exist"},
      {"a GIF", form_type, photo_form("GIF89a\x01\0\x01\0\0\0\0;"), 415, ""},
      {"a zip named .jpg", form_type, photo_form(zip + std::string(100, '\0')), 415, ""},
      {"a 60000x60000 PNG bomb", form_type, photo_form(images::png_bomb()), 422, ""},
      {"a truncated JPEG", form_type, photo_form(jpeg.substr(0, jpeg.size() / 2)), 422, ""},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.what);
    const auto response = fetch(
        server_.port(), http::verb::post, "/api/v1/members/" + anna_.short_uuid + "/photos",
        {{"Authorization", "Bearer " + anna_token_}, {"Content-Type", bad.content_type}}, bad.body);
    EXPECT_TRUE(is_json_error(response, bad.status));
    if (!bad.error.empty()) {
      EXPECT_EQ(json_body(response)["error"], bad.error);
    }
  }
  EXPECT_EQ(json_body(send(http::verb::get, "/api/v1/members/" + anna_.short_uuid + "/photos",
                           anna_token_)),
            json::array());
  EXPECT_EQ(stored_photo_keys(storage_.path()), std::vector<std::string>{});
  EXPECT_TRUE(answers_health(server_.process()));
}

TEST_F(Photos, OnlyTheMemberAndMastersChangeTheirPhotos) {
  const auto photo = anna_uploads();
  const auto target =
      "/api/v1/members/" + anna_.short_uuid + "/photos/" + photo["id"].get<std::string>();
  EXPECT_TRUE(is_json_error(upload(anna_.short_uuid, bob_token_, photo_form(test_jpeg())), 403));
  EXPECT_TRUE(is_json_error(upload(anna_.short_uuid, "", photo_form(test_jpeg())), 401));
  EXPECT_TRUE(is_json_error(send(http::verb::delete_, target, bob_token_), 403));
  EXPECT_TRUE(is_json_error(send(http::verb::put, target + "/primary", bob_token_), 403));
  EXPECT_TRUE(
      is_json_error(send(http::verb::patch, target, bob_token_, {{"visibility", "public"}}), 403));
  EXPECT_EQ(stored_photo_keys(storage_.path()).size(), 3U);
  // A master may, for anyone.
  EXPECT_EQ(upload(anna_.short_uuid, boss_token_, photo_form(test_jpeg())).result_int(), 201U);
  EXPECT_EQ(send(http::verb::patch, target, boss_token_, {{"visibility", "public"}}).result_int(),
            200U);
  EXPECT_EQ(send(http::verb::delete_, target, boss_token_).result_int(), 204U);
}

TEST_F(Photos, OnePrimaryPhotoAtATimeShownInTheMemberJson) {
  const auto first = anna_uploads();
  const auto second = anna_uploads();
  EXPECT_EQ(second["primary"], false);
  const auto gallery = "/api/v1/members/" + anna_.short_uuid + "/photos/";
  const auto chosen =
      send(http::verb::put, gallery + second["id"].get<std::string>() + "/primary", anna_token_);
  ASSERT_EQ(chosen.result_int(), 200U) << chosen.body();
  EXPECT_EQ(json_body(chosen)["primary"], true);
  const auto listed = json_body(
      send(http::verb::get, "/api/v1/members/" + anna_.short_uuid + "/photos", anna_token_));
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0]["primary"], false);
  EXPECT_EQ(listed[1]["primary"], true);
  const auto member =
      json_body(send(http::verb::get, "/api/v1/members/" + anna_.short_uuid, bob_token_));
  EXPECT_EQ(member["photo"], second["urls"]);
  const auto missing =
      send(http::verb::put, gallery + "00000000-0000-0000-0000-000000000000/primary", anna_token_);
  EXPECT_TRUE(is_json_error(missing, 404));
  EXPECT_TRUE(
      is_json_error(send(http::verb::put, gallery + "not-a-uuid/primary", anna_token_), 404));
}

TEST_F(Photos, DeletingAPhotoDeletesItsObjectsUnlessAnotherRowNamesThem) {
  // The same picture twice: two rows name the same three objects.
  const auto first = anna_uploads();
  const auto second = anna_uploads();
  EXPECT_EQ(first["urls"], second["urls"]);
  const auto gallery = "/api/v1/members/" + anna_.short_uuid + "/photos/";
  const auto deleted =
      send(http::verb::delete_, gallery + first["id"].get<std::string>(), anna_token_);
  EXPECT_EQ(deleted.result_int(), 204U) << deleted.body();
  EXPECT_EQ(stored_photo_keys(storage_.path()).size(), 3U);
  EXPECT_EQ(server_.get(second["urls"]["256"].get<std::string>(), bearer(anna_token_)).result_int(),
            200U);
  EXPECT_EQ(send(http::verb::delete_, gallery + second["id"].get<std::string>(), anna_token_)
                .result_int(),
            204U);
  EXPECT_EQ(stored_photo_keys(storage_.path()), std::vector<std::string>{});
  EXPECT_TRUE(is_json_error(
      send(http::verb::delete_, gallery + second["id"].get<std::string>(), anna_token_), 404));
  // The deleted primary photo leaves anna without one.
  EXPECT_TRUE(
      json_body(send(http::verb::get, "/api/v1/members/" + anna_.short_uuid, bob_token_))["photo"]
          .is_null());
}

TEST_F(Photos, ARefusedRowWriteDeletesTheObjectsItsUploadStored) {
  // A full gallery (50 rows naming objects that are not there) refuses the 51st photo after its
  // objects are stored: they must go again.
  auto db = server_.database().connect();
  for (int i = 0; i < 50; ++i) {
    char hash[65];
    std::snprintf(hash, sizeof hash, "%064d", i);
    const std::string key = std::string("photos/") + hash + ".webp";
    db.query(
        "INSERT INTO member_photos (member_uuid, width, height, key_2048, key_1024, key_256)"
        " VALUES ('" +
        anna_.uuid + "', 10, 10, '" + key + "', '" + key + "', '" + key + "')");
  }
  const auto response = upload(anna_.short_uuid, anna_token_, photo_form(test_jpeg()));
  EXPECT_TRUE(is_json_error(response, 409));
  EXPECT_EQ(json_body(response)["error"], "a member keeps at most 50 photos: delete one first");
  EXPECT_EQ(stored_photo_keys(storage_.path()), std::vector<std::string>{});
}

TEST(PhotoStorage, AnUploadWhileObjectStorageIsDownIs503AndStoresNoRow) {
  // Nothing listens on port 1: every storage call is refused at once.
  TestServer server({.env = {{"TMEIT_STORAGE_BACKEND", "s3"},
                             {"TMEIT_S3_ENDPOINT", "http://127.0.0.1:1"},
                             {"TMEIT_S3_BUCKET", "photos"},
                             {"TMEIT_S3_ACCESS_KEY_ID", "key"},
                             {"TMEIT_S3_SECRET_ACCESS_KEY", "secret-for-a-dead-store"},
                             {"TMEIT_S3_MAX_ATTEMPTS", "1"}}});
  const auto anna = add_member(server, "anna@example.com", "vraq");
  const auto token = login(server, anna.email);
  const auto response =
      fetch(server.port(), http::verb::post, "/api/v1/members/" + anna.short_uuid + "/photos",
            form_headers(bearer(token)), photo_form(test_jpeg()));
  EXPECT_TRUE(is_json_error(response, 503)) << response.body();
  EXPECT_EQ(header(response, "Retry-After"), "30");
  EXPECT_EQ(server.database().connect().scalar("SELECT count(*) FROM member_photos"), "0");
}

TEST(PhotoPool, UploadsBeyondAFreeWorkerAre503WithRetryAfterAndLeaveNoRow) {
  // One worker and no queue: of four uploads sent at once, the first to arrive has the worker
  // (a noise PNG takes a while to encode), the others find none free.
  TempDir storage;
  TestServer server({.env = {{"TMEIT_STORAGE_BACKEND", "folder"},
                             {"TMEIT_STORAGE_DIR", storage.path().string()},
                             {"TMEIT_PHOTO_THREADS", "1"},
                             {"TMEIT_PHOTO_QUEUE", "0"}}});
  const auto anna = add_member(server, "anna@example.com", "vraq");
  const auto token = login(server, anna.email);
  const auto target = "/api/v1/members/" + anna.short_uuid + "/photos";
  const auto body = photo_form(large_noise_png());
  std::vector<Response> answers(4);
  std::vector<std::thread> uploads;
  for (auto& answer : answers) {
    uploads.emplace_back([&] {
      answer = fetch(server.port(), http::verb::post, target, form_headers(bearer(token)), body);
    });
  }
  for (auto& upload : uploads) upload.join();
  int created = 0;
  int busy = 0;
  for (const auto& answer : answers) {
    if (answer.result_int() == 201) {
      ++created;
    } else {
      ASSERT_TRUE(is_json_error(answer, 503)) << answer.result_int() << " " << answer.body();
      EXPECT_EQ(json_body(answer)["error"], "server busy, try again");
      EXPECT_EQ(header(answer, "Retry-After"), "1");
      ++busy;
    }
  }
  EXPECT_GE(created, 1);
  EXPECT_GE(busy, 1);
  EXPECT_EQ(server.database().connect().scalar("SELECT count(*) FROM member_photos"),
            std::to_string(created));
  // The worker free again, the next upload is taken.
  EXPECT_EQ(fetch(server.port(), http::verb::post, target, form_headers(bearer(token)), body)
                .result_int(),
            201U);
}

}  // namespace
}  // namespace tmeit::test
