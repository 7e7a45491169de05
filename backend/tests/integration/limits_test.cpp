// Request limits: header size (431), body size (413), slow clients (408). Each answer is a JSON
// error, and the process keeps serving afterwards.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

std::string head_with_header(std::size_t value_bytes) {
  return "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(value_bytes, 'a') +
         "\r\n\r\n";
}

TEST(Limits, HeaderUnderDefaultLimitIsAccepted) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw(head_with_header(12 * 1024));
  EXPECT_EQ(connection.read_response().result_int(), 200);
}

TEST(Limits, OversizedHeaderIs431) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw(head_with_header(20 * 1024));
  EXPECT_TRUE(is_json_error(connection.read_response(), 431));
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(Limits, HeaderLimitIsConfigurable) {
  TestServer server({.env = {{"TMEIT_MAX_HEADER_BYTES", "2048"}}});
  auto connection = server.connect();
  connection.write_raw(head_with_header(3000));
  EXPECT_TRUE(is_json_error(connection.read_response(), 431));
}

TEST(Limits, OversizedContentLengthIs413) {
  TestServer server;
  auto connection = server.connect();
  // Only the head: the server must refuse on the declared length without reading the body.
  connection.write_raw(
      "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 2097152\r\n\r\n");
  EXPECT_TRUE(is_json_error(connection.read_response(), 413));
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(Limits, OversizedChunkedBodyIs413) {
  TestServer server({.env = {{"TMEIT_MAX_BODY_BYTES", "1024"}}});
  auto connection = server.connect();
  // 1024 bytes in two chunks fit; the next chunk header takes the body over the limit.
  std::string chunk = "200\r\n" + std::string(512, 'x') + "\r\n";
  connection.write_raw(
      "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk +
      chunk + "10\r\n");
  EXPECT_TRUE(is_json_error(connection.read_response(), 413));
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(Limits, BodyUnderLimitIsRead) {
  TestServer server({.env = {{"TMEIT_MAX_BODY_BYTES", "1024"}}});
  // /health has no POST: a body within the limit is read and the answer is the 405.
  auto response = fetch(server.port(), http::verb::post, "/health", {}, std::string(1000, 'x'));
  EXPECT_TRUE(is_json_error(response, 405));
}

TEST(Limits, StalledHeadIs408ThenClosed) {
  TestServer server({.env = {{"TMEIT_REQUEST_TIMEOUT_MS", "300"}}});
  auto connection = server.connect();
  connection.write_raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(is_json_error(connection.read_response(), 408));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  EXPECT_TRUE(connection.read_until_close(2s).closed);
}

TEST(Limits, StalledBodyIs408ThenClosed) {
  TestServer server({.env = {{"TMEIT_REQUEST_TIMEOUT_MS", "300"}}});
  auto connection = server.connect();
  connection.write_raw(
      "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n0123456789");
  EXPECT_TRUE(is_json_error(connection.read_response(), 408));
  EXPECT_TRUE(connection.read_until_close(2s).closed);
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(Limits, TricklingClientIsCutOffAtRequestTimeout) {
  TestServer server({.env = {{"TMEIT_REQUEST_TIMEOUT_MS", "500"}}});
  auto connection = server.connect();
  connection.write_raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  // One header byte every 100 ms keeps every single read short; the request as a whole still has
  // a deadline, so an answer arrives while we are still trickling.
  auto started = std::chrono::steady_clock::now();
  while (connection.available() == 0 && std::chrono::steady_clock::now() - started < 4s) {
    std::this_thread::sleep_for(100ms);
    connection.write_raw("a");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_TRUE(is_json_error(connection.read_response(), 408));
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(Limits, ExpectContinueGetsA100BeforeTheBodyIsSent) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw(
      "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(connection.read_response().result_int(), 100);
  connection.write_raw("hello");
  EXPECT_TRUE(is_json_error(connection.read_response(), 405));
}

TEST(Limits, ExpectContinueWithOversizedLengthIs413WithoutTheBody) {
  TestServer server({.env = {{"TMEIT_MAX_BODY_BYTES", "1024"}}});
  auto connection = server.connect();
  // The client waits for 100 Continue; the answer comes before any body byte is sent.
  connection.write_raw(
      "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_TRUE(is_json_error(connection.read_response(), 413));
}

}  // namespace
}  // namespace tmeit::test
