#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

Handler no_handler() {
  return [](RequestContext&) -> asio::awaitable<Response> { co_return Response{}; };
}

Router upload_router() {
  return Router({{.method = bhttp::verb::post,
                  .path = "/things/{id}/photos",
                  .operation_id = "upload",
                  .summary = "",
                  .tag = "things",
                  .handler = no_handler(),
                  .max_body_bytes = 5000},
                 {.method = bhttp::verb::patch,
                  .path = "/things/{id}/photos",
                  .operation_id = "patch",
                  .summary = "",
                  .tag = "things",
                  .handler = no_handler()}});
}

Request head(bhttp::verb method, std::string_view target) {
  return Request{method, target, 11};
}

TEST(DispatcherBodyLimit, AnUploadRouteTakesItsOwnLimitEveryOtherRouteTheServers) {
  const Router router = upload_router();
  const Dispatcher dispatcher(router, nullptr);
  EXPECT_EQ(dispatcher.body_limit(head(bhttp::verb::post, "/things/a/photos?x=1"), 100), 5000u);
  EXPECT_EQ(dispatcher.body_limit(head(bhttp::verb::patch, "/things/a/photos"), 100), 100u);
  EXPECT_EQ(dispatcher.body_limit(head(bhttp::verb::post, "/things/a"), 100), 100u);
  EXPECT_EQ(dispatcher.body_limit(head(bhttp::verb::put, "/things/a/photos"), 100), 100u);
}

}  // namespace
}  // namespace tmeit::http
