#include "util/jwt.hpp"

#include "util/base64url.hpp"

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

/// A decoded JSON object, or null when the part is not base64url JSON of an object.
nlohmann::json decode_object(std::string_view part) {
  const auto bytes = base64url_decode(part);
  if (!bytes) return nullptr;
  auto value = nlohmann::json::parse(*bytes, nullptr, false);
  return value.is_object() ? value : nlohmann::json();
}

}  // namespace

std::string sign_jwt(const JwtClaims& claims, std::string_view secret) {
  static const std::string header = base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
  const nlohmann::json payload{
      {"sub", claims.subject},
      {"iat", to_seconds(claims.issued_at)},
      {"exp", std::chrono::duration_cast<std::chrono::seconds>(claims.expires_at.time_since_epoch())
                  .count()}};
  std::string token = header + "." + base64url_encode(payload.dump());
  token += "." + base64url_encode(hmac_sha256(secret, token));
  return token;
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
  if (header.is_null() || header.value("alg", "") != "HS256") return std::nullopt;
  const auto payload = decode_object(token.substr(first_dot + 1, last_dot - first_dot - 1));
  if (payload.is_null()) return std::nullopt;
  const auto sub = payload.find("sub");
  const auto iat = payload.find("iat");
  const auto exp = payload.find("exp");
  if (sub == payload.end() || !sub->is_string() || iat == payload.end() || !iat->is_number() ||
      exp == payload.end() || !exp->is_number()) {
    return std::nullopt;
  }
  JwtClaims claims{sub->get<std::string>(), from_seconds(iat->get<double>()),
                   from_seconds(exp->get<double>())};
  if (claims.expires_at <= now) return std::nullopt;
  return claims;
}

}  // namespace tmeit::util
