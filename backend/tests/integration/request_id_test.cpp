// X-Request-Id: a well-formed client value is kept, anything else is replaced by a generated one;
// the id is returned on every response and logged on the access line.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "support/http_assertions.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

const std::regex valid_id(R"([A-Za-z0-9._-]{1,128})");

TEST(RequestId, WellFormedClientIdIsKept) {
  TestServer server;
  const std::string id = "client-Id_1.2-" + std::string(100, 'z');
  auto response = server.get("/health", {{"X-Request-Id", id}});
  EXPECT_EQ(header(response, "X-Request-Id"), id);
}

TEST(RequestId, MissingIdIsGenerated) {
  TestServer server;
  auto id = header(server.get("/health"), "X-Request-Id");
  EXPECT_TRUE(std::regex_match(id, valid_id)) << "'" << id << "'";
}

TEST(RequestId, GeneratedIdsAreUnique) {
  TestServer server;
  auto connection = server.connect();
  auto first = header(connection.get("/health"), "X-Request-Id");
  auto second = header(connection.get("/health"), "X-Request-Id");
  EXPECT_FALSE(first.empty());
  EXPECT_NE(first, second);
}

TEST(RequestId, MalformedClientIdIsReplaced) {
  TestServer server;
  const std::vector<std::string> malformed = {"has space",           "semi;colon",   "quote\"d",
                                              std::string(129, 'a'), "{\"json\":1}", "a/b"};
  for (const auto& bad : malformed) {
    SCOPED_TRACE(bad);
    auto id = header(server.get("/health", {{"X-Request-Id", bad}}), "X-Request-Id");
    EXPECT_NE(id, bad);
    EXPECT_TRUE(std::regex_match(id, valid_id)) << "'" << id << "'";
  }
}

TEST(RequestId, IsReturnedOnErrorResponses) {
  TestServer server;
  auto response = server.get("/api/v1/no-such-route", {{"X-Request-Id", "err-404-id"}});
  EXPECT_EQ(response.result_int(), 404);
  EXPECT_EQ(header(response, "X-Request-Id"), "err-404-id");
}

TEST(RequestId, IsLoggedOnTheAccessLine) {
  TestServer server;
  server.get("/health", {{"X-Request-Id", "logged-id-42"}});
  auto line = server.process().access_line("logged-id-42");
  ASSERT_TRUE(line) << server.process().output();
  EXPECT_EQ(field(*line, "path"), "/health");
}

TEST(RequestId, GeneratedIdIsTheOneLogged) {
  TestServer server;
  auto id = header(server.get("/health"), "X-Request-Id");
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(server.process().access_line(id)) << server.process().output();
}

}  // namespace
}  // namespace tmeit::test
