#pragma once

#include <cstddef>
#include <string>

namespace tmeit::util {

/// `count` bytes from OpenSSL's cryptographically secure generator; throws if it fails.
std::string random_bytes(std::size_t count);

/// A secret token: `bytes` random bytes as unpadded base64url.
std::string random_token(std::size_t bytes = 32);

}  // namespace tmeit::util
