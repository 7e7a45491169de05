// Every response carries the security headers: a strict Content-Security-Policy (no inline
// script anywhere, the API docs page included; no framing, through frame-ancestors), no Referer,
// no powerful browser features, its own browsing context group; HSTS only when the public
// address is https.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/http_assertions.hpp"
#include "support/static_site.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

constexpr const char* site_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

void expect_security_headers(const Response& response, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(header(response, "Content-Security-Policy"), site_policy);
  // Framing is refused by the policy's frame-ancestors; X-Frame-Options is not sent.
  EXPECT_EQ(header(response, "X-Frame-Options"), "");
  EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(header(response, "Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(header(response, "Permissions-Policy"),
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=()");
  EXPECT_EQ(header(response, "Strict-Transport-Security"), "");
}

TEST(SecurityHeaders, OnEveryKindOfResponse) {
  StaticSite site;
  TestServer server({.static_dir = site.root().string()});
  expect_security_headers(server.get("/health"), "/health");
  expect_security_headers(server.get("/"), "index.html");
  expect_security_headers(server.get(StaticSite::js_asset), "an asset");
  expect_security_headers(server.get("/events"), "an SPA route");
  expect_security_headers(server.get("/api/v1/nope"), "a 404");
  expect_security_headers(server.get("/api/v1/me"), "a 401");
  expect_security_headers(fetch(server.port(), http::verb::delete_, "/health"), "a 405");
  expect_security_headers(server.get_metrics(), "the metrics port");
  // Refused before any route: the session's own 400.
  Connection connection(server.port());
  connection.write_raw("GET /health HTTP/1.1\r\n\r\n");
  expect_security_headers(connection.read_response(), "a malformed request");
}

TEST(SecurityHeaders, TheDocsPageAllowsOnlySwaggerUisOneInlineStyle) {
  TestServer server;
  const auto docs = server.get("/api/v1/docs");
  ASSERT_EQ(docs.result_int(), 200);
  EXPECT_EQ(header(docs, "Content-Security-Policy"),
            "default-src 'self'; script-src 'self'; style-src 'self' "
            "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'");
  // No inline script: every <script> loads a file.
  const auto& page = docs.body();
  for (auto at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) {
    const auto tag = page.substr(at, page.find('>', at) - at);
    EXPECT_NE(tag.find("src=\"/swagger-ui/"), std::string::npos) << tag;
    EXPECT_EQ(page.substr(page.find('>', at) + 1, 9), "</script>") << "inline script at " << at;
  }
  EXPECT_EQ(header(docs, "X-Frame-Options"), "");
}

TEST(SecurityHeaders, HstsWhenThePublicAddressIsHttps) {
  TestServer server({.env = {{"TMEIT_PUBLIC_URL", "https://tmeit.se"}}});
  for (const char* target : {"/health", "/api/v1/nope"}) {
    EXPECT_EQ(header(server.get(target), "Strict-Transport-Security"),
              "max-age=63072000; includeSubDomains")
        << target;
  }
}

}  // namespace
}  // namespace tmeit::test
