// HTTP/1.1 connection handling: keep-alive, Connection: close, HTTP/1.0, idle timeout.
#include <gtest/gtest.h>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(Connection, KeepAliveServesSeveralRequests) {
  TestServer server;
  auto connection = server.connect();
  for (const char* target : {"/health", "/ready", "/api/v1/version", "/health"}) {
    auto response = connection.get(target);
    EXPECT_EQ(response.result_int(), 200) << target;
    EXPECT_TRUE(response.keep_alive()) << target;
  }
}

TEST(Connection, KeepAliveSurvivesAnErrorResponse) {
  TestServer server;
  auto connection = server.connect();
  EXPECT_EQ(connection.get("/api/v1/nope").result_int(), 404);
  EXPECT_EQ(connection.get("/health").result_int(), 200);
}

TEST(Connection, PipelinedRequestsAreAnsweredInOrder) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw(
      "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
      "GET /api/v1/nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
      "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(connection.read_response().result_int(), 200);
  EXPECT_EQ(connection.read_response().result_int(), 404);
  EXPECT_EQ(json_body(connection.read_response()), nlohmann::json({{"ready", true}}));
}

TEST(Connection, Http10WithoutKeepAliveIsClosed) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw("GET /health HTTP/1.0\r\n\r\n");
  auto response = connection.read_response();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_TRUE(connection.read_until_close(2s).closed);
}

TEST(Connection, ConnectionCloseIsHonoured) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  auto response = connection.read_response();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(connection.read_until_close(2s).closed);
}

TEST(Connection, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  TestServer server({.env = {{"TMEIT_IDLE_TIMEOUT_MS", "300"}}});
  auto connection = server.connect();
  EXPECT_EQ(connection.get("/health").result_int(), 200);
  auto ending = connection.read_until_close(3s);
  EXPECT_TRUE(ending.closed);
  EXPECT_TRUE(ending.data.empty()) << ending.data;  // an idle close sends nothing
}

}  // namespace
}  // namespace tmeit::test
