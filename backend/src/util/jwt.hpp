#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::util {

/// The claims of our access tokens. `issued_at` keeps milliseconds (a JWT NumericDate may be
/// fractional), so a token made just after a password change is told apart from one made
/// just before it.
struct JwtClaims {
  std::string subject;  // "email:<login_email>"
  std::chrono::system_clock::time_point issued_at;
  std::chrono::system_clock::time_point expires_at;
};

/// A compact HS256 JWT carrying `claims`, signed with `secret`.
std::string sign_jwt(const JwtClaims& claims, std::string_view secret);

/// An HS256 JWT of exactly this header and payload JSON text, signed with `secret`: for tests
/// and the fuzzer, which must reach the claim checks behind the signature.
std::string sign_jwt_parts(std::string_view header_json, std::string_view payload_json,
                           std::string_view secret);

/// The claims of `token` when it is a well-formed HS256 JWT with a valid signature under
/// `secret` whose times are plausible at `now`: not expired, not issued in the future (beyond a
/// minute of clock skew between replicas), not issued before its `nbf`, nor `nbf` in the future.
/// std::nullopt otherwise; so are any other algorithm (including "none") and repeated keys.
std::optional<JwtClaims> verify_jwt(std::string_view token, std::string_view secret,
                                    std::chrono::system_clock::time_point now);

}  // namespace tmeit::util
