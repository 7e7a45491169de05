#include "http/security_headers.hpp"

#include <gtest/gtest.h>
#include <boost/beast/http/write.hpp>

#include <sstream>
#include <string>

namespace tmeit::http {
namespace {

constexpr std::string_view site_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

/// The response's header as it goes on the wire, after the headers are applied.
std::string applied(bool https, Response response = Response{Status::ok, 11}) {
  const SecurityHeaders headers(https);
  headers.apply(response);
  response.body() = "body";
  response.prepare_payload();
  std::ostringstream wire;
  wire << response;
  return wire.str();
}

constexpr std::string_view other_headers =
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "Permissions-Policy: accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()\r\n"
    "Cross-Origin-Opener-Policy: same-origin\r\n";

TEST(SecurityHeaders, SetsTheSitePolicyAndTheOtherHeadersAfterTheResponsesOwn) {
  EXPECT_EQ(applied(false),
            "HTTP/1.1 200 OK\r\n"
            "Content-Length: 4\r\n"
            "Content-Security-Policy: " +
                std::string(site_policy) + "\r\n" + std::string(other_headers) +
                "\r\n"
                "body");
}

TEST(SecurityHeaders, SendsHstsOnlyForAnHttpsSite) {
  EXPECT_EQ(applied(false).find("Strict-Transport-Security"), std::string::npos);
  EXPECT_NE(applied(true).find("Cross-Origin-Opener-Policy: same-origin\r\n"
                               "Strict-Transport-Security: max-age=63072000; includeSubDomains\r\n"
                               "\r\nbody"),
            std::string::npos);
}

TEST(SecurityHeaders, KeepsAPolicyTheHandlerChose) {
  Response docs{Status::not_found, 11};
  docs.set("Content-Security-Policy", content_security_policy("'sha256-abc='"));
  EXPECT_EQ(applied(false, docs),
            "HTTP/1.1 404 Not Found\r\n"
            "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self' "
            "'sha256-abc='; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
            "Content-Length: 4\r\n" +
                std::string(other_headers) + "\r\nbody");
}

TEST(ResponseFields, WithoutFixedLinesAResponseHasOnlyItsOwnFields) {
  Response plain{Status::ok, 11};
  plain.set("X-Test", "1");
  plain.reason("Fine");
  plain.body() = "body";
  plain.prepare_payload();
  std::ostringstream wire;
  wire << plain;
  EXPECT_EQ(wire.str(), "HTTP/1.1 200 Fine\r\nX-Test: 1\r\nContent-Length: 4\r\n\r\nbody");
}

TEST(SecurityHeaders, NeverAllowsInlineOrEvaluatedScript) {
  const std::string policy = content_security_policy("'sha256-abc='");
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos);
}

}  // namespace
}  // namespace tmeit::http
