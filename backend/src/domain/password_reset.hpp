#pragma once

#include <cstddef>

namespace tmeit::domain {

/// Random bytes in a password reset token (base64url in the link).
inline constexpr std::size_t reset_token_bytes = 32;

}  // namespace tmeit::domain
