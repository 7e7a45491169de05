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

/// The claims of `token` when it is a well-formed HS256 JWT with a valid signature under
/// `secret` that has not expired at `now`; std::nullopt otherwise (any other algorithm,
/// including "none", is refused).
std::optional<JwtClaims> verify_jwt(std::string_view token, std::string_view secret,
                                    std::chrono::system_clock::time_point now);

}  // namespace tmeit::util
