// The JSON log on stdout: the "listening" line, one access line per request with its fields,
// an error line for every 5xx, the client address (X-Forwarded-For only from trusted proxies),
// and never a credential.
#include <gtest/gtest.h>

#include <string>

#include "support/http_assertions.hpp"
#include "support/postgres.hpp"
#include "support/static_site.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(AccessLog, ListeningLineHasAddressAndPort) {
  TestServer server;
  const auto& line = server.process().listening_line();
  EXPECT_FALSE(field(line, "time").empty()) << line;
  EXPECT_FALSE(field(line, "level").empty()) << line;
  EXPECT_EQ(field(line, "address"), "127.0.0.1") << line;
  EXPECT_EQ(line.value("port", 0), server.port());
}

TEST(AccessLog, EveryRequestHasOneLineWithAllFields) {
  TestServer server;
  server.get("/health?x=1", {{"X-Request-Id", "fields-1"}});
  auto line = server.process().access_line("fields-1");
  ASSERT_TRUE(line) << server.process().output();
  EXPECT_FALSE(field(*line, "time").empty());
  EXPECT_EQ(field(*line, "level"), "info");
  EXPECT_EQ(field(*line, "method"), "GET");
  EXPECT_EQ(field(*line, "route"), "/health");
  EXPECT_TRUE(field(*line, "path").starts_with("/health")) << *line;
  EXPECT_EQ(line->value("status", 0), 200);
  EXPECT_TRUE((*line)["duration_ms"].is_number()) << *line;
  EXPECT_GE(line->value("duration_ms", -1.0), 0.0);
  EXPECT_EQ(field(*line, "client"), "127.0.0.1");
  int count = 0;
  for (const auto& other : server.process().log_lines()) {
    count += field(other, "msg") == "request" && field(other, "request_id") == "fields-1";
  }
  EXPECT_EQ(count, 1);
}

TEST(AccessLog, UnknownRouteIsLoggedAsNotFound) {
  TestServer server;
  server.get("/api/v1/unknown/thing", {{"X-Request-Id", "nf-1"}});
  auto line = server.process().access_line("nf-1");
  ASSERT_TRUE(line);
  EXPECT_EQ(field(*line, "route"), "not_found");
  EXPECT_EQ(line->value("status", 0), 404);
}

TEST(AccessLog, ServerErrorAlsoLogsAnErrorLineWithRequestId) {
  ServerProcess server(
      server_environment(database_url(free_port(), "nowhere"), {{"TMEIT_DB_TIMEOUT_MS", "300"}}));
  ASSERT_EQ(get(server.port(), "/ready", {{"X-Request-Id", "five-oh-three"}}).result_int(), 503);
  auto error = server.wait_for_log([](const LogLine& line) {
    return field(line, "level") == "error" && field(line, "request_id") == "five-oh-three";
  });
  EXPECT_TRUE(error) << server.output();
}

TEST(AccessLog, ForwardedForIgnoredFromUntrustedPeer) {
  TestServer server;
  server.get("/health", {{"X-Request-Id", "xff-1"}, {"X-Forwarded-For", "203.0.113.7"}});
  auto line = server.process().access_line("xff-1");
  ASSERT_TRUE(line);
  EXPECT_EQ(field(*line, "client"), "127.0.0.1");
}

TEST(AccessLog, ForwardedForBelievedFromTrustedProxy) {
  TestServer server({.env = {{"TMEIT_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.2"}}});
  // The right-most address that is not a trusted proxy is the client; what is left of it could
  // have been written by anyone.
  server.get("/health", {{"X-Request-Id", "xff-2"},
                         {"X-Forwarded-For", "198.51.100.9, 203.0.113.7, 10.0.0.2"}});
  auto line = server.process().access_line("xff-2");
  ASSERT_TRUE(line);
  EXPECT_EQ(field(*line, "client"), "203.0.113.7");
}

TEST(AccessLog, ForwardedForSingleHopFromTrustedProxy) {
  TestServer server({.env = {{"TMEIT_TRUSTED_PROXIES", "127.0.0.1"}}});
  server.get("/health", {{"X-Request-Id", "xff-3"}, {"X-Forwarded-For", "192.0.2.44"}});
  auto line = server.process().access_line("xff-3");
  ASSERT_TRUE(line);
  EXPECT_EQ(field(*line, "client"), "192.0.2.44");
}

TEST(AccessLog, NeverContainsCredentials) {
  TestServer server;
  const std::string token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJlLXh5eg";
  server.get("/health", {{"Authorization", "Bearer " + token},
                         {"Cookie", "access_token=" + token},
                         {"X-Request-Id", "creds-1"}});
  fetch(server.port(), http::verb::post, "/health",
        {{"Content-Type", "application/x-www-form-urlencoded"}},
        "username=a%40b.se&password=hunter2-secret-pw");
  ASSERT_TRUE(server.process().access_line("creds-1"));
  auto output = server.process().output();
  EXPECT_EQ(output.find(token), std::string::npos);
  EXPECT_EQ(output.find("hunter2-secret-pw"), std::string::npos);
  EXPECT_EQ(output.find(test_jwt_secret), std::string::npos);
  EXPECT_EQ(output.find("Bearer"), std::string::npos);
}

TEST(AccessLog, PasswordResetTokenInPathIsNotLogged) {
  StaticSite site;
  TestServer server({.static_dir = site.root().string()});
  // The emailed link /reset/<token> is a credential: whoever reads the logs must not get it.
  const std::string token = "Zq8rKx3vT0pLmN5wYb7cDe2fGh9jKs4u";
  server.get("/reset/" + token, {{"X-Request-Id", "reset-1"}});
  ASSERT_TRUE(server.process().access_line("reset-1"));
  EXPECT_EQ(server.process().output().find(token), std::string::npos);
}

}  // namespace
}  // namespace tmeit::test
