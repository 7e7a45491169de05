#pragma once

#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace tmeit::test {

/// A stand-in for the frontend build, made by each test that needs one: the served folder holds
/// index.html, hashed assets (the JS one with precompressed .gz and .br twins) and robots.txt;
/// a secret file sits beside the folder, outside it, for path traversal attempts.
class StaticSite {
 public:
  StaticSite();

  /// The folder to serve (TMEIT_STATIC_DIR).
  std::filesystem::path root() const { return dir_.path() / "public"; }
  /// Content of a served file, read back from disk.
  std::string file(const std::string& relative) const;

  static constexpr const char* js_asset = "/assets/app-AbC123xY.js";
  static constexpr const char* css_asset = "/assets/style-Q1w2E3r4.css";
  /// Text found only in index.html.
  static constexpr const char* index_marker = "tmeit-test-index-page";
  /// Text found only in the file outside the served folder.
  static constexpr const char* secret_marker = "TOP-SECRET-OUTSIDE-STATIC-DIR";

 private:
  TempDir dir_;
};

}  // namespace tmeit::test
