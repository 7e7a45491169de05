#include "util/jwt.hpp"

#include "util/base64url.hpp"
#include "util/strict_json.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <stdexcept>

namespace tmeit::util {
namespace {

using Clock = std::chrono::system_clock;

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data(),
           &length) == nullptr) {
    throw std::runtime_error("jwt: HMAC-SHA256 failed");
  }
  return {reinterpret_cast<const char*>(digest.data()), length};
}

double to_seconds(Clock::time_point time) {
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  return static_cast<double>(millis) / 1000.0;
}

Clock::time_point from_seconds(double seconds) {
  return Clock::time_point(std::chrono::milliseconds(std::llround(seconds * 1000.0)));
}

// How far apart the clocks of two replicas (the one that issued a token, the one that reads
// it) may be before a token "issued in the future" is refused.
constexpr auto clock_skew = std::chrono::seconds(60);

// NumericDates we accept: from 1970 to a day before the end of the system clock (the year 2262
// with libstdc++'s nanoseconds), so the conversion to a time point never overflows. The fuzzer
// found the older bound, the end of 9999, overflowing it.
constexpr double latest_numeric_date =
    static_cast<double>(
        std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::max()).count()) -
    86400.0;

/// A decoded JSON object, or null when the part is not base64url JSON of an object (with no
/// key twice: "sub" read one way by us and another by some proxy is how checks get bypassed).
nlohmann::json decode_object(std::string_view part) {
  const auto bytes = base64url_decode(part);
  if (!bytes) return nullptr;
  auto parsed = parse_strict_json(*bytes);
  return parsed.ok() && parsed.value.is_object() ? std::move(parsed.value) : nlohmann::json();
}

/// The NumericDate claim `name` of `payload`; nullopt when absent or not a plausible date.
std::optional<Clock::time_point> numeric_date(const nlohmann::json& payload,
                                              std::string_view name) {
  const auto found = payload.find(name);
  if (found == payload.end() || !found->is_number()) return std::nullopt;
  const double seconds = found->get<double>();
  // Also false for NaN; a huge number must not overflow the conversion to milliseconds.
  if (!(seconds >= 0.0 && seconds <= latest_numeric_date)) return std::nullopt;
  return from_seconds(seconds);
}

/// Whether the times of a token make sense at `now`: issued no later than now (give or take
/// the clock skew), not before its nbf, not yet expired, and expiring after it was issued.
bool plausible_times(const nlohmann::json& payload, const JwtClaims& claims,
                     Clock::time_point now) {
  if (claims.issued_at > now + clock_skew) return false;
  if (claims.expires_at <= now || claims.expires_at <= claims.issued_at) return false;
  if (payload.contains("nbf")) {
    const auto not_before = numeric_date(payload, "nbf");
    if (!not_before || claims.issued_at < *not_before || *not_before > now + clock_skew) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string sign_jwt_parts(std::string_view header_json, std::string_view payload_json,
                           std::string_view secret) {
  std::string token = base64url_encode(header_json) + "." + base64url_encode(payload_json);
  token += "." + base64url_encode(hmac_sha256(secret, token));
  return token;
}

std::string sign_jwt(const JwtClaims& claims, std::string_view secret) {
  const nlohmann::json payload{
      {"sub", claims.subject},
      {"iat", to_seconds(claims.issued_at)},
      {"exp", std::chrono::duration_cast<std::chrono::seconds>(claims.expires_at.time_since_epoch())
                  .count()}};
  return sign_jwt_parts(R"({"alg":"HS256","typ":"JWT"})", payload.dump(), secret);
}

std::optional<JwtClaims> verify_jwt(std::string_view token, std::string_view secret,
                                    Clock::time_point now) {
  const auto first_dot = token.find('.');
  const auto last_dot = token.rfind('.');
  if (first_dot == std::string_view::npos || first_dot == last_dot) return std::nullopt;
  const auto signed_part = token.substr(0, last_dot);
  const auto signature = base64url_decode(token.substr(last_dot + 1));
  const auto expected = hmac_sha256(secret, signed_part);
  if (!signature || signature->size() != expected.size() ||
      CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0) {
    return std::nullopt;
  }
  const auto header = decode_object(token.substr(0, first_dot));
  // find, not value("alg", ""): value throws when "alg" is there but not a string.
  const auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() || *alg != "HS256") return std::nullopt;
  const auto payload = decode_object(token.substr(first_dot + 1, last_dot - first_dot - 1));
  if (payload.is_null()) return std::nullopt;
  const auto sub = payload.find("sub");
  const auto issued_at = numeric_date(payload, "iat");
  const auto expires_at = numeric_date(payload, "exp");
  if (sub == payload.end() || !sub->is_string() || !issued_at || !expires_at) return std::nullopt;
  JwtClaims claims{sub->get<std::string>(), *issued_at, *expires_at};
  if (!plausible_times(payload, claims, now)) return std::nullopt;
  return claims;
}

}  // namespace tmeit::util
