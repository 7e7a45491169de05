#include "http/static/spa_routes.hpp"

#include <gtest/gtest.h>

namespace tmeit::http::static_assets {
namespace {

TEST(StaticFilesSpaRoutes, EveryPageOfTheMissionIsARoute) {
  for (const char* path :
       {"/", "/events", "/events/3f2c", "/events/3f2c/edit", "/team", "/profile/AbCd_-12",
        "/join_tmeit", "/join_completed", "/master", "/master/sign_ups", "/reset/token123",
        "/about", "/documents", "/privacy"}) {
    EXPECT_TRUE(is_spa_route(path)) << path;
  }
}

TEST(StaticFilesSpaRoutes, RoutesWithoutChildrenMatchOnlyThemselves) {
  EXPECT_FALSE(is_spa_route("/team/x"));
  EXPECT_FALSE(is_spa_route("/about/more"));
}

TEST(StaticFilesSpaRoutes, RoutesThatNeedAParameterDoNotMatchBare) {
  EXPECT_FALSE(is_spa_route("/profile"));
  EXPECT_FALSE(is_spa_route("/reset"));
  EXPECT_FALSE(is_spa_route("/reset/"));
}

TEST(StaticFilesSpaRoutes, PrefixesMustEndAtASlash) {
  EXPECT_FALSE(is_spa_route("/eventsx"));
  EXPECT_FALSE(is_spa_route("/teams"));
  EXPECT_FALSE(is_spa_route("/profilex/1"));
}

TEST(StaticFilesSpaRoutes, OneTrailingSlashIsIgnored) {
  EXPECT_TRUE(is_spa_route("/team/"));
  EXPECT_TRUE(is_spa_route("/events/"));
}

TEST(StaticFilesSpaRoutes, UnknownPathsAreNotRoutes) {
  EXPECT_FALSE(is_spa_route("/nope"));
  EXPECT_FALSE(is_spa_route("/api/v1/members"));
}

TEST(StaticFilesSpaRoutes, TheListIsExposedAsData) {
  EXPECT_EQ(spa_routes().size(), 11u);
  EXPECT_EQ(spa_routes().front().path, "/");
}

}  // namespace
}  // namespace tmeit::http::static_assets
