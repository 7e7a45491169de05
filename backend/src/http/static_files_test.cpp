#include "http/static_files.hpp"

#include "http/static/test_site.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace tmeit::static_files_test {
namespace {

using http::Response;
using http::Status;
using http::static_assets::testing::get;
using http::static_assets::testing::make_request;
using http::static_assets::testing::TestSite;
namespace bhttp = boost::beast::http;

constexpr std::string_view app_path = "/assets/app-AbC123xY.js";

class StaticFiles : public testing::Test {
 protected:
  Response serve(const http::Request& request) {
    std::optional<Response> response = files_.serve(request);
    if (!response) throw std::runtime_error("serve() declined the request");
    return *std::move(response);
  }
  std::string etag_of(std::string_view target, std::string_view accept_encoding = {}) {
    auto request = get(target);
    if (!accept_encoding.empty()) request.set(bhttp::field::accept_encoding, accept_encoding);
    return std::string{serve(request)[bhttp::field::etag]};
  }

  TestSite site_;
  http::StaticFiles files_{site_.root()};
};

TEST_F(StaticFiles, ServesIndexHtmlAtTheRoot) {
  const Response response = serve(get("/"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), TestSite::index_html);
  EXPECT_EQ(response[bhttp::field::content_type], "text/html; charset=utf-8");
}

TEST_F(StaticFiles, ServesAFileWithItsContentType) {
  const Response response = serve(get(app_path));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), TestSite::app_js);
  EXPECT_EQ(response[bhttp::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(response[bhttp::field::content_length], std::to_string(TestSite::app_js.size()));
}

TEST_F(StaticFiles, BinaryTypesHaveNoCharset) {
  EXPECT_EQ(serve(get("/assets/logo-Xy12Ab34.png"))[bhttp::field::content_type], "image/png");
  EXPECT_EQ(serve(get("/site.webmanifest"))[bhttp::field::content_type],
            "application/manifest+json; charset=utf-8");
}

TEST_F(StaticFiles, HashedAssetsAreCachedForAYearAsImmutable) {
  EXPECT_EQ(serve(get(app_path))[bhttp::field::cache_control],
            "public, max-age=31536000, immutable");
  EXPECT_EQ(serve(get("/assets/style-Zz9_8-Qw.css"))[bhttp::field::cache_control],
            "public, max-age=31536000, immutable");
}

TEST_F(StaticFiles, IndexHtmlMustBeRevalidated) {
  EXPECT_EQ(serve(get("/"))[bhttp::field::cache_control], "no-cache");
  EXPECT_EQ(serve(get("/index.html"))[bhttp::field::cache_control], "no-cache");
}

TEST_F(StaticFiles, NonHashedFilesMustBeRevalidated) {
  EXPECT_EQ(serve(get("/robots.txt"))[bhttp::field::cache_control], "no-cache");
  EXPECT_EQ(serve(get("/favicon.ico"))[bhttp::field::cache_control], "no-cache");
}

TEST_F(StaticFiles, ETagIsStrongQuotedAndStable) {
  const std::string etag = etag_of(app_path);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_FALSE(etag.starts_with("W/"));
  EXPECT_EQ(etag, http::StaticFiles{site_.root()}.serve(get(app_path))->at(bhttp::field::etag));
}

TEST_F(StaticFiles, DifferentContentHasDifferentETags) {
  EXPECT_NE(etag_of(app_path), etag_of("/robots.txt"));
}

TEST_F(StaticFiles, MatchingIfNoneMatchGives304WithETagAndNoBody) {
  const std::string etag = etag_of(app_path);
  const Response response = serve(get(app_path, {{bhttp::field::if_none_match, etag}}));
  EXPECT_EQ(response.result(), Status::not_modified);
  EXPECT_EQ(response[bhttp::field::etag], etag);
  EXPECT_TRUE(response.body().empty());
  EXPECT_EQ(response[bhttp::field::cache_control], "public, max-age=31536000, immutable");
}

TEST_F(StaticFiles, IfNoneMatchListWithWeakFormGives304) {
  const std::string header = "\"old\", W/" + etag_of(app_path);
  EXPECT_EQ(serve(get(app_path, {{bhttp::field::if_none_match, header}})).result(),
            Status::not_modified);
}

TEST_F(StaticFiles, IfNoneMatchStarGives304) {
  EXPECT_EQ(serve(get(app_path, {{bhttp::field::if_none_match, "*"}})).result(),
            Status::not_modified);
}

TEST_F(StaticFiles, StaleIfNoneMatchGivesTheFullFile) {
  const Response response = serve(get(app_path, {{bhttp::field::if_none_match, "\"stale\""}}));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), TestSite::app_js);
}

TEST_F(StaticFiles, SpaRouteRevalidatesWithIndexHtmlETag) {
  const std::string etag = etag_of("/index.html");
  EXPECT_EQ(serve(get("/team", {{bhttp::field::if_none_match, etag}})).result(),
            Status::not_modified);
}

TEST_F(StaticFiles, BrotliIsPreferredOverGzip) {
  const Response response = serve(get(app_path, {{bhttp::field::accept_encoding, "gzip, br"}}));
  EXPECT_EQ(response[bhttp::field::content_encoding], "br");
  EXPECT_EQ(response.body(), TestSite::app_js_br);
  EXPECT_EQ(response[bhttp::field::content_length], std::to_string(TestSite::app_js_br.size()));
}

TEST_F(StaticFiles, GzipIsSentWhenBrotliIsRefused) {
  const Response response = serve(get(app_path, {{bhttp::field::accept_encoding, "gzip, br;q=0"}}));
  EXPECT_EQ(response[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(response.body(), TestSite::app_js_gz);
}

TEST_F(StaticFiles, WildcardAcceptEncodingGetsBrotli) {
  EXPECT_EQ(
      serve(get(app_path, {{bhttp::field::accept_encoding, "*"}}))[bhttp::field::content_encoding],
      "br");
}

TEST_F(StaticFiles, GzipIsSentWhenItIsTheOnlyVariant) {
  const Response response =
      serve(get("/assets/style-Zz9_8-Qw.css", {{bhttp::field::accept_encoding, "br, gzip"}}));
  EXPECT_EQ(response[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(response.body(), "GZ:style");
}

TEST_F(StaticFiles, NoAcceptEncodingGetsIdentity) {
  const Response response = serve(get(app_path));
  EXPECT_EQ(response.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(response.body(), TestSite::app_js);
}

TEST_F(StaticFiles, EveryCodingRefusedGetsIdentity) {
  const Response response =
      serve(get(app_path, {{bhttp::field::accept_encoding, "br;q=0, gzip;q=0"}}));
  EXPECT_EQ(response.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(response.body(), TestSite::app_js);
}

TEST_F(StaticFiles, EachVariantHasItsOwnETag) {
  const std::string identity = etag_of(app_path);
  const std::string gzip = etag_of(app_path, "gzip");
  const std::string br = etag_of(app_path, "br");
  EXPECT_NE(identity, gzip);
  EXPECT_NE(identity, br);
  EXPECT_NE(gzip, br);
}

TEST_F(StaticFiles, IfNoneMatchIsComparedWithTheChosenVariant) {
  const std::string br = etag_of(app_path, "br");
  EXPECT_EQ(serve(get(app_path,
                      {{bhttp::field::accept_encoding, "br"}, {bhttp::field::if_none_match, br}}))
                .result(),
            Status::not_modified);
  EXPECT_EQ(serve(get(app_path, {{bhttp::field::if_none_match, br}})).result(), Status::ok);
}

TEST_F(StaticFiles, CompressibleFilesVaryByAcceptEncoding) {
  EXPECT_EQ(serve(get(app_path))[bhttp::field::vary], "Accept-Encoding");
  EXPECT_EQ(serve(get(app_path, {{bhttp::field::accept_encoding, "br"}}))[bhttp::field::vary],
            "Accept-Encoding");
  EXPECT_EQ(serve(get("/robots.txt"))[bhttp::field::vary], "Accept-Encoding");
}

TEST_F(StaticFiles, IncompressibleFilesDoNotVary) {
  EXPECT_EQ(serve(get("/assets/logo-Xy12Ab34.png")).count(bhttp::field::vary), 0u);
}

TEST_F(StaticFiles, PrecompressedSiblingsAreNotFilesOfTheirOwn) {
  const Response response = serve(get("/assets/app-AbC123xY.js.gz"));
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response[bhttp::field::content_type], "application/json");
}

TEST_F(StaticFiles, QueryStringIsIgnoredForLookup) {
  const Response response = serve(get("/assets/app-AbC123xY.js?v=2"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), TestSite::app_js);
}

TEST_F(StaticFiles, SpaRoutesServeIndexHtml) {
  for (const char* path : {"/", "/events", "/events/0b5c/edit", "/team", "/profile/AbCd_-12",
                           "/join_tmeit", "/join_completed", "/master", "/master/members",
                           "/reset/tok3n", "/about", "/documents", "/privacy", "/team?tab=2"}) {
    const Response response = serve(get(path));
    EXPECT_EQ(response.result(), Status::ok) << path;
    EXPECT_EQ(response.body(), TestSite::index_html) << path;
    EXPECT_EQ(response[bhttp::field::cache_control], "no-cache") << path;
  }
}

TEST_F(StaticFiles, UnknownPageGivesIndexHtmlWithStatus404) {
  const Response response = serve(get("/no-such-page"));
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response.body(), TestSite::index_html);
  EXPECT_EQ(response[bhttp::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(response[bhttp::field::cache_control], "no-cache");
}

TEST_F(StaticFiles, UnknownPageIgnoresIfNoneMatch) {
  const std::string etag = etag_of("/index.html");
  EXPECT_EQ(serve(get("/no-such-page", {{bhttp::field::if_none_match, etag}})).result(),
            Status::not_found);
}

TEST_F(StaticFiles, MissingFileWithAnExtensionIsAJson404) {
  for (const char* path : {"/assets/missing-abc12345.js", "/favicon.png"}) {
    const Response response = serve(get(path));
    EXPECT_EQ(response.result(), Status::not_found) << path;
    EXPECT_EQ(response[bhttp::field::content_type], "application/json") << path;
    EXPECT_EQ(nlohmann::json::parse(response.body()).at("error"), "not found") << path;
  }
}

TEST_F(StaticFiles, ApiPathsAreLeftToTheRouter) {
  for (const char* path : {"/api", "/api/", "/api/v1/nope", "/api/v1/members/?x=1",
                           "/%61pi/v1/nope", "/api/../index.html"}) {
    EXPECT_FALSE(files_.serve(get(path)).has_value()) << path;
  }
}

TEST_F(StaticFiles, OtherMethodsGet405WithAllow) {
  for (auto method : {bhttp::verb::post, bhttp::verb::put, bhttp::verb::delete_, bhttp::verb::patch,
                      bhttp::verb::options}) {
    const Response response = serve(make_request(method, app_path));
    EXPECT_EQ(response.result(), Status::method_not_allowed);
    EXPECT_EQ(response[bhttp::field::allow], "GET, HEAD");
    EXPECT_EQ(response[bhttp::field::content_type], "application/json");
  }
}

TEST_F(StaticFiles, OtherMethodsOnApiPathsAreLeftToTheRouter) {
  EXPECT_FALSE(files_.serve(make_request(bhttp::verb::post, "/api/v1/token")).has_value());
}

TEST_F(StaticFiles, HttpVersionAndKeepAliveFollowTheRequest) {
  auto old_request = make_request(bhttp::verb::get, app_path, {}, 10);
  const Response old_response = serve(old_request);
  EXPECT_EQ(old_response.version(), 10u);
  EXPECT_FALSE(old_response.keep_alive());

  auto closing = get(app_path, {{bhttp::field::connection, "close"}});
  EXPECT_FALSE(serve(closing).keep_alive());
  const Response kept = serve(get(app_path));
  EXPECT_EQ(kept.version(), 11u);
  EXPECT_TRUE(kept.keep_alive());
}

TEST_F(StaticFiles, CountsIndexedFilesWithoutVariants) {
  // index.html, app js, style css, logo, robots, webmanifest, favicon, alias.txt.
  EXPECT_EQ(files_.file_count(), 8u);
}

}  // namespace
}  // namespace tmeit::static_files_test
