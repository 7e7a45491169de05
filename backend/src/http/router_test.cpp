#include "http/router.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

Handler no_handler() {
  return [](RequestContext&) -> asio::awaitable<Response> { co_return Response{}; };
}

Router make_router() {
  return Router({{.method = bhttp::verb::get,
                  .path = "/api/v1/members/",
                  .operation_id = "list",
                  .summary = "",
                  .tag = "members",
                  .access = Access::member,
                  .handler = no_handler()},
                 {.method = bhttp::verb::get,
                  .path = "/api/v1/members/{short_uuid}",
                  .operation_id = "get",
                  .summary = "",
                  .tag = "members",
                  .access = Access::anyone,
                  .handler = no_handler()},
                 {.method = bhttp::verb::patch,
                  .path = "/api/v1/members/{short_uuid}",
                  .operation_id = "patch",
                  .summary = "",
                  .tag = "members",
                  .access = Access::member,
                  .handler = no_handler()},
                 {.method = bhttp::verb::post,
                  .path = "/api/v1/members/create",
                  .operation_id = "create",
                  .summary = "",
                  .tag = "members",
                  .access = Access::master,
                  .handler = no_handler()}});
}

TEST(Router, MatchesLiteralPath) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::get, "/api/v1/members/");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->operation_id, "list");
}

TEST(Router, ExtractsPathParameters) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::patch, "/api/v1/members/AbCd1234");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->operation_id, "patch");
  EXPECT_EQ(match.params.at("short_uuid"), "AbCd1234");
}

TEST(Router, LiteralSegmentsNeedAnExactMatch) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::post, "/api/v1/members/create");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->operation_id, "create");
}

TEST(Router, KnownPathWithOtherMethodListsAllowedMethods) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::delete_, "/api/v1/members/AbCd1234");
  EXPECT_EQ(match.route, nullptr);
  ASSERT_EQ(match.allowed.size(), 3u);  // GET, HEAD, PATCH
}

TEST(Router, HeadIsAnsweredByGetRoutes) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::head, "/api/v1/members/");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->operation_id, "list");
}

TEST(Router, UnknownPathMatchesNothing) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::get, "/api/v1/nothing");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.allowed.empty());
}

TEST(Router, EmptyParameterDoesNotMatch) {
  const auto router = make_router();
  auto match = router.match(bhttp::verb::patch, "/api/v1/members/");
  EXPECT_EQ(match.route, nullptr);
}

TEST(Router, TargetPathDropsTheQuery) {
  EXPECT_EQ(target_path("/api/v1/events/?upcoming=true"), "/api/v1/events/");
  EXPECT_EQ(target_path("/health"), "/health");
}

}  // namespace
}  // namespace tmeit::http
