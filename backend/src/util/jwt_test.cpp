#include "util/jwt.hpp"

#include "util/base64url.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

const Clock::time_point issued = Clock::time_point(1'764'150'000'123ms);
const JwtClaims claims{"email:anna@example.com", issued, issued + 1h};
constexpr std::string_view secret = "a-secret-of-at-least-thirty-two-bytes!!";

TEST(Jwt, RoundTripsClaimsWithMillisecondIssueTime) {
  const auto verified = verify_jwt(sign_jwt(claims, secret), secret, issued + 1min);
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->subject, claims.subject);
  EXPECT_EQ(verified->issued_at, issued);
  // exp is whole seconds, as most JWT libraries expect.
  EXPECT_EQ(verified->expires_at, std::chrono::floor<std::chrono::seconds>(issued + 1h));
}

TEST(Jwt, RefusesExpiredTokens) {
  EXPECT_FALSE(verify_jwt(sign_jwt(claims, secret), secret, issued + 1h));
}

TEST(Jwt, RefusesAnotherKeyAndTamperedPayloads) {
  const auto token = sign_jwt(claims, secret);
  EXPECT_FALSE(verify_jwt(token, "another-secret-of-thirty-two-bytes-long", issued));
  const auto first_dot = token.find('.');
  const auto last_dot = token.rfind('.');
  const auto forged_payload =
      base64url_encode(R"({"sub":"email:master@example.com","iat":1764150000,"exp":1864150000})");
  const auto forged = token.substr(0, first_dot + 1) + forged_payload + token.substr(last_dot);
  EXPECT_FALSE(verify_jwt(forged, secret, issued));
}

TEST(Jwt, RefusesAlgNoneAndGarbage) {
  const auto none = base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." +
                    base64url_encode(R"({"sub":"email:a@b.c","iat":1,"exp":9999999999})") + ".";
  EXPECT_FALSE(verify_jwt(none, secret, issued));
  EXPECT_FALSE(verify_jwt("", secret, issued));
  EXPECT_FALSE(verify_jwt("a.b", secret, issued));
  EXPECT_FALSE(verify_jwt("not a token at all", secret, issued));
}

// The fuzzer's find (backend/fuzz/regressions/jwt/alg-not-a-string): a signed header whose alg
// is a number threw out of verify_jwt.
TEST(Jwt, RefusesASignedHeaderWhoseAlgIsNotAString) {
  const auto payload = R"({"sub":"email:a@b.c","iat":1764150000,"exp":1764153600})";
  EXPECT_FALSE(
      verify_jwt(sign_jwt_parts(R"({"alg":0,"typ":"JWT"})", payload, secret), secret, issued));
  EXPECT_FALSE(verify_jwt(sign_jwt_parts(R"({"alg":["HS256"]})", payload, secret), secret, issued));
  EXPECT_FALSE(verify_jwt(sign_jwt_parts(R"({"typ":"JWT"})", payload, secret), secret, issued));
}

/// A token with our header and this payload, validly signed: only the claims can be wrong.
std::string signed_payload(std::string_view payload) {
  return sign_jwt_parts(R"({"alg":"HS256","typ":"JWT"})", payload, secret);
}

// issued = 2025-11-26T09:40:00.123Z = 1764150000.123 s
TEST(Jwt, AcceptsAHandSignedTokenWithPlainClaims) {
  const auto token = signed_payload(R"({"sub":"email:a@b.c","iat":1764150000,"exp":1764153600})");
  EXPECT_TRUE(verify_jwt(token, secret, issued));
}

TEST(Jwt, RefusesATokenIssuedInTheFuture) {
  // Issued an hour after `issued`.
  const auto token = signed_payload(R"({"sub":"email:a@b.c","iat":1764153600,"exp":1764160000})");
  EXPECT_FALSE(verify_jwt(token, secret, issued));
  EXPECT_TRUE(verify_jwt(token, secret, issued + 1h));
}

TEST(Jwt, ToleratesAMinuteOfClockSkewBetweenReplicas) {
  const auto token = signed_payload(R"({"sub":"email:a@b.c","iat":1764150030,"exp":1764160000})");
  EXPECT_TRUE(verify_jwt(token, secret, issued));
  const auto later = signed_payload(R"({"sub":"email:a@b.c","iat":1764150090,"exp":1764160000})");
  EXPECT_FALSE(verify_jwt(later, secret, issued));
}

TEST(Jwt, RefusesATokenIssuedBeforeItsNotBefore) {
  const auto token =
      signed_payload(R"({"sub":"email:a@b.c","iat":1764140000,"nbf":1764145000,"exp":1764160000})");
  EXPECT_FALSE(verify_jwt(token, secret, issued));
}

TEST(Jwt, HonoursNotBefore) {
  const auto valid =
      signed_payload(R"({"sub":"email:a@b.c","iat":1764140000,"nbf":1764140000,"exp":1764160000})");
  EXPECT_TRUE(verify_jwt(valid, secret, issued));
  const auto not_yet =
      signed_payload(R"({"sub":"email:a@b.c","iat":1764140000,"nbf":1764160000,"exp":1764170000})");
  EXPECT_FALSE(verify_jwt(not_yet, secret, issued));
  const auto garbled =
      signed_payload(R"({"sub":"email:a@b.c","iat":1764140000,"nbf":"soon","exp":1764160000})");
  EXPECT_FALSE(verify_jwt(garbled, secret, issued));
}

TEST(Jwt, RefusesImplausibleNumericDates) {
  EXPECT_FALSE(verify_jwt(signed_payload(R"({"sub":"email:a@b.c","iat":-5,"exp":1764160000})"),
                          secret, issued));
  EXPECT_FALSE(
      verify_jwt(signed_payload(R"({"sub":"email:a@b.c","iat":1,"exp":1e300})"), secret, issued));
  // Within 9999 but past the system clock's end (2262): the fuzzer's overflow of the conversion.
  EXPECT_FALSE(
      verify_jwt(signed_payload(R"({"sub":"email:a@b.c","iat":1764150000,"exp":176764153600})"),
                 secret, issued));
  // Expiring (in 40 s) before it was issued (in 50 s, within the clock skew).
  EXPECT_FALSE(
      verify_jwt(signed_payload(R"({"sub":"email:a@b.c","iat":1764150050,"exp":1764150040})"),
                 secret, issued));
}

TEST(Jwt, RefusesRepeatedClaims) {
  const auto token = signed_payload(
      R"({"sub":"email:a@b.c","sub":"email:master@b.c","iat":1764150000,"exp":1764153600})");
  EXPECT_FALSE(verify_jwt(token, secret, issued));
}

}  // namespace
}  // namespace tmeit::util
