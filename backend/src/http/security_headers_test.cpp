#include "http/security_headers.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

constexpr std::string_view site_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

Response applied(bool https, Response response = Response{Status::ok, 11}) {
  SecurityHeaders(https).apply(response);
  return response;
}

TEST(SecurityHeaders, SetsTheSitePolicyAndTheOtherHeaders) {
  const auto response = applied(false);
  EXPECT_EQ(response["Content-Security-Policy"], site_policy);
  EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
  // CSP frame-ancestors 'none' forbids framing in every browser the SPA supports.
  EXPECT_EQ(response.count("X-Frame-Options"), 0u);
  EXPECT_EQ(response["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(response["Cross-Origin-Opener-Policy"], "same-origin");
  EXPECT_EQ(response["Permissions-Policy"],
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            "microphone=(), payment=(), usb=()");
}

TEST(SecurityHeaders, SendsHstsOnlyForAnHttpsSite) {
  EXPECT_EQ(applied(false).count(bhttp::field::strict_transport_security), 0u);
  EXPECT_EQ(applied(true)[bhttp::field::strict_transport_security],
            "max-age=63072000; includeSubDomains");
}

TEST(SecurityHeaders, KeepsAPolicyTheHandlerChose) {
  Response docs{Status::ok, 11};
  docs.set("Content-Security-Policy", content_security_policy("'sha256-abc='"));
  const auto response = applied(false, docs);
  EXPECT_EQ(response.count("Content-Security-Policy"), 1u);
  EXPECT_EQ(response["Content-Security-Policy"],
            "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-abc='; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

TEST(SecurityHeaders, NeverAllowsInlineOrEvaluatedScript) {
  const std::string policy = content_security_policy("'sha256-abc='");
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos);
}

}  // namespace
}  // namespace tmeit::http
