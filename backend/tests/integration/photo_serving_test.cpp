// Serving photos (GET /photos/<sha256>.webp) and who sees which photo URLs: public photos to
// anyone with year-long immutable caching, members-only photos only to logged-in members (the
// cookie an <img> sends), and the public never learns that a members-only photo exists.
#include <gtest/gtest.h>

#include "support/http_assertions.hpp"
#include "support/photo_uploads.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

using PhotoServing = PhotoClub;

/// The hash a photo URL names ("/photos/<hash>.webp" → "<hash>").
std::string hash_of(const json& url) {
  const auto text = url.get<std::string>();
  return text.substr(std::string("/photos/").size(), 64);
}

TEST_F(PhotoServing, APublicPhotoIsCachedForAYearAndRevalidatedByItsHash) {
  const auto photo = anna_uploads("public");
  const auto url = photo["urls"]["1024"].get<std::string>();
  const auto response = server_.get(url);
  ASSERT_EQ(response.result_int(), 200U) << response.body();
  EXPECT_EQ(header(response, "Content-Type"), "image/webp");
  EXPECT_EQ(header(response, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(response, "ETag"), "\"" + hash_of(photo["urls"]["1024"]) + "\"");
  EXPECT_EQ(response.body().substr(0, 4), "RIFF");
  EXPECT_EQ(response.body().substr(8, 4), "WEBP");
  const auto again = server_.get(url, {{"If-None-Match", header(response, "ETag")}});
  EXPECT_EQ(again.result_int(), 304U);
  EXPECT_EQ(again.body(), "");
  EXPECT_EQ(header(again, "ETag"), header(response, "ETag"));
  EXPECT_EQ(server_.get(url, {{"If-None-Match", "\"other\""}}).result_int(), 200U);
}

TEST_F(PhotoServing, AMembersOnlyPhotoIsServedOnlyWithAValidLogin) {
  const auto photo = anna_uploads("members");
  const auto url = photo["urls"]["256"].get<std::string>();
  const auto anonymous = server_.get(url);
  EXPECT_TRUE(is_json_error(anonymous, 404));
  // The same answer as for a photo that does not exist.
  const auto unknown = server_.get("/photos/" + std::string(64, 'a') + ".webp");
  EXPECT_TRUE(is_json_error(unknown, 404));
  EXPECT_EQ(json_body(anonymous), json_body(unknown));
  EXPECT_TRUE(is_json_error(server_.get(url, {{"Cookie", "access_token=forged.token.here"}}), 404));
  EXPECT_TRUE(is_json_error(server_.get("/photos/../../etc/passwd"), 404));
  EXPECT_TRUE(is_json_error(server_.get("/photos/ABC.webp"), 404));
  // The SPA's <img> sends the access_token cookie.
  const auto with_cookie = server_.get(url, {{"Cookie", "theme=dark; access_token=" + bob_token_}});
  ASSERT_EQ(with_cookie.result_int(), 200U) << with_cookie.body();
  EXPECT_EQ(header(with_cookie, "Cache-Control"), "private, no-cache");
  EXPECT_EQ(header(with_cookie, "Content-Type"), "image/webp");
  EXPECT_EQ(server_.get(url, bearer(bob_token_)).result_int(), 200U);
}

TEST_F(PhotoServing, ThePublicNeverSeesAMembersOnlyPhotosUrl) {
  const auto photo = anna_uploads("members");
  const auto hash = hash_of(photo["urls"]["256"]);
  const auto member = server_.get("/api/v1/members/" + anna_.short_uuid);
  ASSERT_EQ(member.result_int(), 200U);
  EXPECT_TRUE(json_body(member)["photo"].is_null());
  const auto directory = server_.get("/api/v1/members/");
  const auto gallery = server_.get("/api/v1/members/" + anna_.short_uuid + "/photos");
  EXPECT_EQ(json_body(gallery), json::array());
  for (const auto* body : {&member.body(), &directory.body(), &gallery.body()}) {
    EXPECT_EQ(body->find(hash), std::string::npos) << *body;
  }
  const auto one = server_.get("/api/v1/members/" + anna_.short_uuid + "/photos/" +
                               photo["id"].get<std::string>());
  EXPECT_TRUE(is_json_error(one, 404));
  // Members see it; once public, so does everyone.
  EXPECT_EQ(
      json_body(server_.get("/api/v1/members/" + anna_.short_uuid, bearer(bob_token_)))["photo"],
      photo["urls"]);
  const auto patched =
      send(http::verb::patch,
           "/api/v1/members/" + anna_.short_uuid + "/photos/" + photo["id"].get<std::string>(),
           anna_token_, {{"visibility", "public"}});
  ASSERT_EQ(patched.result_int(), 200U) << patched.body();
  EXPECT_EQ(json_body(patched)["visibility"], "public");
  EXPECT_EQ(json_body(server_.get("/api/v1/members/" + anna_.short_uuid))["photo"], photo["urls"]);
  EXPECT_EQ(server_.get(photo["urls"]["256"].get<std::string>()).result_int(), 200U);
}

// The server keeps public photos in memory once served (PublicPhotoCache): a change on this
// server must end that at once, not after the cache's 5 seconds.
TEST_F(PhotoServing, APhotoMadeMembersOnlyOrDeletedIsNoLongerServedToThePublic) {
  const auto photo = anna_uploads("public");
  const auto url = photo["urls"]["256"].get<std::string>();
  const auto target =
      "/api/v1/members/" + anna_.short_uuid + "/photos/" + photo["id"].get<std::string>();
  const auto served = server_.get(url);
  ASSERT_EQ(served.result_int(), 200U) << served.body();
  ASSERT_EQ(send(http::verb::patch, target, anna_token_, {{"visibility", "members"}}).result_int(),
            200U);
  EXPECT_TRUE(is_json_error(server_.get(url), 404));
  const auto member_view = server_.get(url, bearer(bob_token_));
  EXPECT_EQ(member_view.result_int(), 200U);
  EXPECT_EQ(member_view.body(), served.body());
  EXPECT_EQ(header(member_view, "Cache-Control"), "private, no-cache");
  ASSERT_EQ(send(http::verb::patch, target, anna_token_, {{"visibility", "public"}}).result_int(),
            200U);
  ASSERT_EQ(server_.get(url).result_int(), 200U);
  ASSERT_EQ(send(http::verb::delete_, target, anna_token_).result_int(), 204U);
  EXPECT_TRUE(is_json_error(server_.get(url), 404));
}

TEST_F(PhotoServing, AChangedPrimaryPhotoChangesTheMembersETag) {
  const auto before =
      header(server_.get("/api/v1/members/" + anna_.short_uuid, bearer(bob_token_)), "ETag");
  anna_uploads();
  const auto after =
      header(server_.get("/api/v1/members/" + anna_.short_uuid, bearer(bob_token_)), "ETag");
  EXPECT_NE(before, after);
}

}  // namespace
}  // namespace tmeit::test
