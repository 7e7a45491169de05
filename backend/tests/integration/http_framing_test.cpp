// Message framing per RFC 9112: what Beast's parser lets through but the RFC forbids is a 400
// (or 501) and a closed connection, so bytes after a head we cannot frame are never served as
// the next request (request smuggling). An absolute-form target is served like its path.
#include <gtest/gtest.h>

#include <string>

#include "support/club.hpp"
#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

/// Sends `bytes` on a fresh connection; expects one JSON error with `status`, then a close with
/// nothing more served (the smuggled request after the head must not be answered).
void expect_refused_and_closed(TestServer& server, const std::string& bytes, unsigned status) {
  SCOPED_TRACE(bytes);
  Connection connection(server.port());
  connection.write_raw(bytes);
  EXPECT_TRUE(is_json_error(connection.read_response(), status));
  const auto ending = connection.read_until_close(3s);
  EXPECT_TRUE(ending.closed);
  EXPECT_EQ(ending.data.find("HTTP/1.1"), std::string::npos) << "served more: " << ending.data;
}

const std::string smuggled = "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n";

TEST(HttpFraming, TransferEncodingNotEndingInChunkedIs400AndCloses) {
  TestServer server;
  expect_refused_and_closed(
      server, "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n" + smuggled,
      400);
  expect_refused_and_closed(
      server,
      "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n" + smuggled,
      400);
  EXPECT_TRUE(answers_health(server.process()));
}

TEST(HttpFraming, ChunkedInHttp10Is400AndCloses) {
  TestServer server;
  expect_refused_and_closed(server,
                            "POST /health HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "0\r\n\r\n" +
                                smuggled,
                            400);
}

TEST(HttpFraming, CodingsBeforeChunkedAre501AndClose) {
  TestServer server;
  expect_refused_and_closed(
      server,
      "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" +
          smuggled,
      501);
}

TEST(HttpFraming, PlainChunkedBodiesStillWork) {
  TestServer server;
  add_member(server, "a@b.c", "vraq", "kettle-orbit-sunday-47");
  Connection connection(server.port());
  // The login form in two chunks (0x0e and 0x20 bytes).
  connection.write_raw(
      "POST /api/v1/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
      "e\r\nusername=a@b.c\r\n20\r\n&password=kettle-orbit-sunday-47\r\n0\r\n\r\n");
  EXPECT_EQ(connection.read_response().result_int(), 200);
  // Framed correctly, so the connection stays open for the next request.
  EXPECT_EQ(connection.get("/health").result_int(), 200);
}

TEST(HttpFraming, MissingOrRepeatedHostIs400) {
  TestServer server;
  expect_refused_and_closed(server, "GET /health HTTP/1.1\r\n\r\n", 400);
  expect_refused_and_closed(server, "GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400);
  expect_refused_and_closed(server, "GET /health HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", 400);
  // HTTP/1.0 has no Host requirement.
  Connection connection(server.port());
  connection.write_raw("GET /health HTTP/1.0\r\n\r\n");
  EXPECT_EQ(connection.read_response().result_int(), 200);
}

TEST(HttpFraming, TwoAuthorizationHeadersAre400) {
  TestServer server;
  expect_refused_and_closed(server,
                            "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a.b.c\r\n"
                            "Authorization: Bearer d.e.f\r\n\r\n",
                            400);
}

TEST(HttpFraming, AbsoluteFormTargetIsServedLikeItsPath) {
  TestServer server;
  Connection connection(server.port());
  connection.write_raw("GET http://tmeit.se/health HTTP/1.1\r\nHost: tmeit.se\r\n\r\n");
  const auto health = connection.read_response();
  EXPECT_EQ(health.result_int(), 200);
  EXPECT_EQ(health.body(), R"({"healthy":true})");
  connection.write_raw(
      "GET https://tmeit.se:8443/api/v1/nope?x=1 HTTP/1.1\r\nHost: tmeit.se\r\n\r\n");
  EXPECT_TRUE(is_json_error(connection.read_response(), 404));
}

}  // namespace
}  // namespace tmeit::test
