// Serving the frontend build: types, validators, caching, precompressed variants, HEAD, ranges.
#include <gtest/gtest.h>

#include "support/http_assertions.hpp"
#include "support/static_site.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

class StaticFiles : public ::testing::Test {
 protected:
  StaticSite site_;
  TestServer server_{{.static_dir = site_.root().string()}};
};

TEST_F(StaticFiles, ServesFilesWithTheirContentType) {
  auto js = server_.get(StaticSite::js_asset);
  ASSERT_EQ(js.result_int(), 200);
  EXPECT_EQ(js.body(), site_.file("assets/app-AbC123xY.js"));
  EXPECT_TRUE(has_media_type(js, "text/javascript") || has_media_type(js, "application/javascript"))
      << header(js, "Content-Type");
  EXPECT_TRUE(has_media_type(server_.get(StaticSite::css_asset), "text/css"));
  EXPECT_TRUE(has_media_type(server_.get("/robots.txt"), "text/plain"));
  EXPECT_TRUE(has_media_type(server_.get("/index.html"), "text/html"));
}

TEST_F(StaticFiles, HashedAssetIsImmutable) {
  auto response = server_.get(StaticSite::js_asset);
  EXPECT_EQ(header(response, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFiles, IndexHtmlIsNoCache) {
  EXPECT_EQ(header(server_.get("/index.html"), "Cache-Control"), "no-cache");
  EXPECT_EQ(header(server_.get("/"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFiles, UnhashedFileIsNotImmutable) {
  auto cache = header(server_.get("/robots.txt"), "Cache-Control");
  EXPECT_EQ(cache.find("immutable"), std::string::npos) << cache;
}

TEST_F(StaticFiles, MatchingIfNoneMatchIs304) {
  auto first = server_.get(StaticSite::js_asset);
  auto etag = header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  auto second = server_.get(StaticSite::js_asset, {{"If-None-Match", etag}});
  EXPECT_EQ(second.result_int(), 304);
  EXPECT_TRUE(second.body().empty());
  EXPECT_EQ(header(second, "ETag"), etag);
}

TEST_F(StaticFiles, StaleIfNoneMatchIs200) {
  auto response = server_.get(StaticSite::js_asset, {{"If-None-Match", "\"not-the-etag\""}});
  EXPECT_EQ(response.result_int(), 200);
}

TEST_F(StaticFiles, BrotliVariantWhenAccepted) {
  auto response = server_.get(StaticSite::js_asset, {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(header(response, "Content-Encoding"), "br");
  EXPECT_EQ(response.body(), site_.file("assets/app-AbC123xY.js.br"));
  EXPECT_NE(header(response, "Vary").find("Accept-Encoding"), std::string::npos);
  EXPECT_TRUE(has_media_type(response, "text/javascript") ||
              has_media_type(response, "application/javascript"));
}

TEST_F(StaticFiles, GzipVariantWhenOnlyGzipAccepted) {
  auto response = server_.get(StaticSite::js_asset, {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(header(response, "Content-Encoding"), "gzip");
  EXPECT_EQ(response.body(), site_.file("assets/app-AbC123xY.js.gz"));
  EXPECT_NE(header(response, "Vary").find("Accept-Encoding"), std::string::npos);
}

TEST_F(StaticFiles, IdentityWhenNoEncodingAccepted) {
  auto response = server_.get(StaticSite::js_asset, {{"Accept-Encoding", "identity"}});
  EXPECT_TRUE(header(response, "Content-Encoding").empty());
  EXPECT_EQ(response.body(), site_.file("assets/app-AbC123xY.js"));
  EXPECT_NE(header(response, "Vary").find("Accept-Encoding"), std::string::npos);
}

TEST_F(StaticFiles, RefusedEncodingIsNotUsed) {
  auto response = server_.get(StaticSite::js_asset, {{"Accept-Encoding", "br;q=0, gzip"}});
  EXPECT_EQ(header(response, "Content-Encoding"), "gzip");
}

TEST_F(StaticFiles, CompressedVariantHasItsOwnEtag) {
  auto plain = header(server_.get(StaticSite::js_asset), "ETag");
  auto gzip = header(server_.get(StaticSite::js_asset, {{"Accept-Encoding", "gzip"}}), "ETag");
  EXPECT_NE(plain, gzip);
}

TEST_F(StaticFiles, HeadHasHeadersWithoutBody) {
  auto connection = server_.connect();
  auto head = connection.request(http::verb::head, StaticSite::js_asset);
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(header(head, "Content-Length"),
            std::to_string(site_.file("assets/app-AbC123xY.js").size()));
  EXPECT_FALSE(header(head, "ETag").empty());
  EXPECT_TRUE(head.body().empty());
  // The connection is still in step: the next answer is the next request's.
  EXPECT_EQ(connection.get("/health").result_int(), 200);
}

TEST_F(StaticFiles, SingleRangeIs206) {
  auto whole = site_.file("assets/app-AbC123xY.js");
  auto response = server_.get(StaticSite::js_asset, {{"Range", "bytes=10-29"}});
  ASSERT_EQ(response.result_int(), 206);
  EXPECT_EQ(response.body(), whole.substr(10, 20));
  EXPECT_EQ(header(response, "Content-Range"), "bytes 10-29/" + std::to_string(whole.size()));
}

TEST_F(StaticFiles, SuffixRangeIs206) {
  auto whole = site_.file("assets/app-AbC123xY.js");
  auto response = server_.get(StaticSite::js_asset, {{"Range", "bytes=-16"}});
  ASSERT_EQ(response.result_int(), 206);
  EXPECT_EQ(response.body(), whole.substr(whole.size() - 16));
}

TEST_F(StaticFiles, UnsatisfiableRangeIs416) {
  auto size = site_.file("assets/app-AbC123xY.js").size();
  auto response = server_.get(StaticSite::js_asset, {{"Range", "bytes=100000-100010"}});
  EXPECT_EQ(response.result_int(), 416);
  EXPECT_EQ(header(response, "Content-Range"), "bytes */" + std::to_string(size));
}

TEST_F(StaticFiles, AdvertisesRangeSupport) {
  EXPECT_EQ(header(server_.get(StaticSite::js_asset), "Accept-Ranges"), "bytes");
}

}  // namespace
}  // namespace tmeit::test
