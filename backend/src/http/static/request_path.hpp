#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tmeit::http::static_assets {

/// The percent-decoded path of a request target, with the query string dropped.
/// nullopt when the target cannot name a file and deserves a 400: not starting with '/',
/// malformed escapes, control characters or NUL, backslashes, encoded '/' or '%' (double
/// encoding), and '.' or '..' segments, raw or encoded.
std::optional<std::string> decode_request_path(std::string_view target);

/// Whether a decoded path is the API's (/api or under /api/), which is never a static file.
bool is_api_path(std::string_view path);

/// Whether the last segment of a decoded path has an extension ("/favicon.png", not "/team").
bool has_file_extension(std::string_view path);

}  // namespace tmeit::http::static_assets
