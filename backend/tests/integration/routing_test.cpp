// The router's own answers: JSON 404 for unknown API routes, JSON 405 with Allow for a known
// path with a method it does not take, and FastAPI's 307 for a trailing slash too many or few.
#include <gtest/gtest.h>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(Routing, UnknownApiRouteIs404Json) {
  TestServer server;
  EXPECT_TRUE(is_json_error(server.get("/api/v1/no-such-thing"), 404));
  EXPECT_TRUE(is_json_error(server.get("/api/v2/version"), 404));
  EXPECT_TRUE(is_json_error(server.get("/api/"), 404));
}

TEST(Routing, WrongMethodIs405WithAllow) {
  TestServer server;
  auto response = fetch(server.port(), http::verb::delete_, "/api/v1/version");
  EXPECT_TRUE(is_json_error(response, 405));
  EXPECT_NE(header(response, "Allow").find("GET"), std::string::npos)
      << "Allow: " << header(response, "Allow");
}

TEST(Routing, PostToHealthIs405WithAllow) {
  TestServer server;
  auto response = fetch(server.port(), http::verb::post, "/health", {}, "{}");
  EXPECT_TRUE(is_json_error(response, 405));
  EXPECT_NE(header(response, "Allow").find("GET"), std::string::npos);
}

TEST(Routing, ATrailingSlashTooManyOrTooFewIsA307ToTheRoute) {
  TestServer server;
  auto response = server.get("/api/v1/version/?verbose=1");
  EXPECT_EQ(response.result_int(), 307);
  EXPECT_EQ(header(response, "Location"), "/api/v1/version?verbose=1");
  response = fetch(server.port(), http::verb::put, "/api/v1/reset/",
                   {{"Content-Type", "application/json"}}, R"({"email": "a@example.com"})");
  EXPECT_EQ(response.result_int(), 307);
  EXPECT_EQ(header(response, "Location"), "/api/v1/reset");
  // Only for routes that exist, and only under /api/.
  EXPECT_TRUE(is_json_error(server.get("/api/v1/no-such-thing/"), 404));
  EXPECT_NE(server.get("/health/").result_int(), 307);
}

TEST(Routing, QueryStringDoesNotChangeTheRoute) {
  TestServer server;
  EXPECT_EQ(server.get("/health?probe=1").result_int(), 200);
}

TEST(Routing, UnknownMethodIs4xxNever500) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw("BREW /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  auto status = connection.read_response().result_int();
  EXPECT_GE(status, 400);
  EXPECT_LT(status, 500);
  EXPECT_TRUE(answers_health(server.process()));
}

}  // namespace
}  // namespace tmeit::test
