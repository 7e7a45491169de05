// The SPA's own routes answer with index.html; unknown pages get index.html with a 404; unknown
// API paths stay JSON.
#include <gtest/gtest.h>

#include "support/http_assertions.hpp"
#include "support/static_site.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

class SpaRoutes : public ::testing::Test {
 protected:
  StaticSite site_;
  TestServer server_{{.static_dir = site_.root().string()}};
};

TEST_F(SpaRoutes, EachAppRouteServesIndexHtml) {
  for (const char* route :
       {"/", "/events", "/team", "/profile/AbCdEf12", "/join_tmeit", "/join_completed", "/master",
        "/reset/some-reset-token", "/about", "/documents", "/privacy"}) {
    SCOPED_TRACE(route);
    auto response = server_.get(route);
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_TRUE(has_media_type(response, "text/html"));
    EXPECT_NE(response.body().find(StaticSite::index_marker), std::string::npos);
    EXPECT_EQ(header(response, "Cache-Control"), "no-cache");
  }
}

TEST_F(SpaRoutes, UnknownPageServesIndexHtmlWith404) {
  auto response = server_.get("/no-such-page");
  EXPECT_EQ(response.result_int(), 404);
  EXPECT_TRUE(has_media_type(response, "text/html"));
  EXPECT_NE(response.body().find(StaticSite::index_marker), std::string::npos);
}

TEST_F(SpaRoutes, MissingAssetIs404) {
  EXPECT_EQ(server_.get("/assets/app-Zz99Zz99.js").result_int(), 404);
}

TEST_F(SpaRoutes, UnknownApiPathStaysJson404) {
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/not-a-route"), 404));
  EXPECT_TRUE(is_json_error(server_.get("/api/nothing"), 404));
}

TEST_F(SpaRoutes, StaticRequestsAreLoggedAsStatic) {
  server_.get(StaticSite::js_asset, {{"X-Request-Id", "static-1"}});
  auto line = server_.process().access_line("static-1");
  ASSERT_TRUE(line);
  EXPECT_EQ(field(*line, "route"), "static");
}

TEST(SpaRoutesWithoutStaticDir, ApiStillWorks) {
  TestServer server;
  EXPECT_EQ(server.get("/health").result_int(), 200);
  EXPECT_EQ(server.get("/events").result_int(), 404);
}

}  // namespace
}  // namespace tmeit::test
