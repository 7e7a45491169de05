#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tmeit::util {

/// Base64url without padding (RFC 4648 §5), as JWTs and our tokens use it.
std::string base64url_encode(std::string_view bytes);

/// The bytes of unpadded base64url text; std::nullopt for any other character or a length
/// no encoder produces.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace tmeit::util
