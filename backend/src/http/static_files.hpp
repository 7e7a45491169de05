#pragma once

#include "http/static/asset_index.hpp"
#include "http/types.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>

namespace tmeit::http {

/// Serves the built frontend: its files with ETags, caching rules, precompressed variants,
/// HEAD and single byte ranges, and index.html for the SPA's routes.
///
/// The folder is indexed once at construction (sizes, types, content hashes); file contents are
/// read from disk per request, so they never count against the idle memory budget. Only indexed
/// files are ever opened, which makes path traversal impossible by construction.
///
/// Responses carry an exact Content-Length already set; a file answer to HEAD has no body (the
/// file is not read). Write them without calling prepare_payload(); the session drops any other
/// HEAD body, as it does for every route.
class StaticFiles {
 public:
  /// Indexes `root`. Throws std::runtime_error naming root when it is unreadable or has no
  /// index.html.
  explicit StaticFiles(std::filesystem::path root);

  /// Answers a request for a static file or an SPA page; nullopt when the path is not ours
  /// (/api and below), so the router answers it. GET and HEAD only (405 otherwise); a malformed
  /// path is a JSON 400, a missing file with an extension a JSON 404, and any other unknown path
  /// is index.html with status 404.
  std::optional<Response> serve(const Request& request) const;

  /// How many files the index holds (precompressed variants not counted).
  std::size_t file_count() const { return assets_.size(); }

 private:
  enum class Mode {
    file,      ///< a file or an SPA route: conditional requests and ranges apply
    fallback,  ///< index.html for an unknown path: always a full 404
  };

  Response answer(const Request& request, const static_assets::Asset& asset, Mode mode) const;

  std::filesystem::path root_;
  static_assets::AssetIndex assets_;
  const static_assets::Asset* index_html_ = nullptr;
};

}  // namespace tmeit::http
