// Bearer tokens: as sent (anything, mostly refused at the signature), and with the fuzzer's
// header and payload JSON validly signed, so the claim checks behind the signature are reached.
#include "util/jwt.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

constexpr std::string_view secret = "fuzzing-secret-of-at-least-thirty-two-bytes";
const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1764150000));

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)tmeit::util::verify_jwt(input, secret, now);
  // "header\npayload": both signed as they are.
  const auto newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const auto token =
      tmeit::util::sign_jwt_parts(input.substr(0, newline), input.substr(newline + 1), secret);
  if (const auto claims = tmeit::util::verify_jwt(token, secret, now)) {
    // Whatever passes is current: issued before it expires, and not expired.
    if (claims->expires_at <= now || claims->expires_at <= claims->issued_at) __builtin_trap();
  }
  return 0;
}
