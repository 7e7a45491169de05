#pragma once

#include <optional>
#include <string_view>

namespace tmeit::http::static_assets {

/// The content codings we have precompressed files for.
enum class ContentCoding { identity, gzip, br };

/// The `Content-Encoding` token of a coding ("" for identity).
std::string_view coding_token(ContentCoding coding);

/// Picks the coding to send given an Accept-Encoding header (nullopt when the request has none)
/// and which precompressed variants exist. Honours q-values (q=0 refuses) and `*`; between equal
/// q-values brotli wins over gzip, being smaller. Falls back to identity.
ContentCoding choose_coding(std::optional<std::string_view> accept_encoding, bool has_gzip,
                            bool has_br);

}  // namespace tmeit::http::static_assets
