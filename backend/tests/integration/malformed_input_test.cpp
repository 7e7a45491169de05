// Bad bytes from a client: malformed HTTP gets 400 and a close, odd paths get a 4xx; never a
// 500, a hang or a crash (the process answers /health after every case).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

using namespace std::string_literals;

/// Sends `bytes` on a fresh connection and returns the status of the answer.
unsigned status_for(std::uint16_t port, const std::string& bytes) {
  Connection connection(port);
  connection.write_raw(bytes);
  return connection.read_response().result_int();
}

TEST(MalformedHttp, GarbageRequestLineIs400ThenClosed) {
  TestServer server;
  auto connection = server.connect();
  connection.write_raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(is_json_error(connection.read_response(), 400));
  EXPECT_TRUE(connection.read_until_close(2s).closed);
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(MalformedHttp, EachMalformedRequestIs400) {
  TestServer server;
  const std::vector<std::string> requests = {
      "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n",
      "GET /health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n",
      "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n",
      "GET  HTTP/1.1\r\nHost: x\r\n\r\n",
      "\x01\x02\x03\x04\r\n\r\n",
  };
  for (const auto& request : requests) {
    SCOPED_TRACE(request);
    Connection connection(server.port());
    connection.write_raw(request);
    EXPECT_TRUE(is_json_error(connection.read_response(), 400));
    EXPECT_TRUE(connection.read_until_close(2s).closed);
  }
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(MalformedHttp, ClientThatHangsUpMidRequestDoesNotHurtTheServer) {
  TestServer server;
  for (int i = 0; i < 20; ++i) {
    Connection connection(server.port());
    connection.write_raw("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
  }  // each connection closes here with the request unfinished
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(MalformedPaths, InvalidUtf8AndControlBytesAre4xxNever500) {
  TestServer server;
  const std::vector<std::string> targets = {
      "/api/v1/%FF%FE%FD",
      "/api/v1/version%00",
      "/api/v1/%C0%AF",
      "/api/v1/%",
      "/api/v1/%zz",
      "/%ED%A0%80",
      "/api/v1/\xff\xfe",
      "/\xc3\x28",
      "/api/v1/" + std::string(4000, '%'),
      "*",
      "health",
  };
  for (const auto& target : targets) {
    SCOPED_TRACE(target);
    auto status = status_for(server.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_GE(status, 400u);
    EXPECT_LT(status, 500u);
  }
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(MalformedPaths, GarbageHeaderValuesAreNot500) {
  TestServer server;
  const std::vector<std::string> header_lines = {
      "X-Request-Id: \xff\xfe\xfd",
      "X-Forwarded-For: \xff, not-an-ip, ::::",
      "Accept-Encoding: \xc3\x28;q=abc, br;q=2",
      "Range: bytes=\xff-\xfe",
      "If-None-Match: \"\xff",
      "Authorization: Bearer \xff\xfe",
  };
  for (const auto& line : header_lines) {
    SCOPED_TRACE(line);
    auto status =
        status_for(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n");
    EXPECT_LT(status, 500u);
  }
  EXPECT_TRUE(answers_health(server.process()));
}

}  // namespace
}  // namespace tmeit::test
