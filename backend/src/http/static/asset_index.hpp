#pragma once

#include "util/mime_types.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::http::static_assets {

/// One file on disk that answers for an asset: the original or a precompressed sibling.
struct Representation {
  std::filesystem::path file;  ///< canonical, inside the root; read at every request
  std::uint64_t size = 0;
  std::string etag;  ///< strong, quoted: a truncated SHA-256 of this file's content
};

/// What the index knows of one servable file. Contents stay on disk (the idle RSS budget).
struct Asset {
  Representation identity;
  std::optional<Representation> gzip;  ///< foo.js.gz beside foo.js
  std::optional<Representation> br;    ///< foo.js.br beside foo.js
  util::MimeType mime;
  bool immutable = false;  ///< a content-hashed name: cache for a year

  /// Whether responses must say `Vary: Accept-Encoding`.
  bool varies_by_encoding() const { return mime.compressible || gzip || br; }
};

/// Assets by URL path ("/assets/app-AbC123xY.js").
using AssetIndex = std::map<std::string, Asset, std::less<>>;

/// Walks `root` once: every regular file, and every symlink whose target is a regular file
/// inside root (never one that leads out), becomes an asset; `.gz`/`.br` siblings of a file
/// become its variants instead. Throws std::runtime_error naming root when it cannot be read.
AssetIndex index_assets(const std::filesystem::path& root);

/// Whether a URL path is a Vite content-hashed asset: `/assets/<name>-<hash>.<ext>` with a hash
/// of 8 or more of [A-Za-z0-9_-].
bool is_hashed_asset_path(std::string_view url_path);

}  // namespace tmeit::http::static_assets
