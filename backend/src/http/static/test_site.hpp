#pragma once

// Test support for the static-file tests: a throwaway frontend build on disk and request
// builders. Included by *_test.cpp files only.

#include "http/types.hpp"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace tmeit::http::static_assets::testing {

/// A temporary folder holding `site/` (a small Vite-like build) and `outside/` (a secret that
/// links in site/ point to). Removed on destruction.
class TestSite {
 public:
  static constexpr std::string_view app_js = "console.log('tmeit app');\n";
  static constexpr std::string_view app_js_gz = "GZ:app";
  static constexpr std::string_view app_js_br = "BR:app!";
  static constexpr std::string_view index_html = "<!doctype html><title>tmeit</title>";
  static constexpr std::string_view secret = "SECRET";

  TestSite() {
    std::string pattern =
        (std::filesystem::path{::testing::TempDir()} / "tmeit-static-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    base_ = pattern;
    std::filesystem::create_directories(root() / "assets");
    std::filesystem::create_directories(outside());
    write("index.html", index_html);
    write("assets/app-AbC123xY.js", app_js);
    write("assets/app-AbC123xY.js.gz", app_js_gz);
    write("assets/app-AbC123xY.js.br", app_js_br);
    write("assets/style-Zz9_8-Qw.css", "body{margin:0}");
    write("assets/style-Zz9_8-Qw.css.gz", "GZ:style");
    write("assets/logo-Xy12Ab34.png", "\x89PNG fake");
    write("robots.txt", "User-agent: *\n");
    write("site.webmanifest", "{}");
    write("favicon.ico", "ICO");
    std::ofstream{outside() / "secret.txt"} << secret;
    std::filesystem::create_symlink(outside() / "secret.txt", root() / "leak.txt");
    std::filesystem::create_directory_symlink(outside(), root() / "linked");
    std::filesystem::create_symlink("robots.txt", root() / "alias.txt");
  }
  TestSite(const TestSite&) = delete;
  TestSite& operator=(const TestSite&) = delete;
  ~TestSite() {
    std::error_code ignored;
    std::filesystem::remove_all(base_, ignored);
  }

  std::filesystem::path root() const { return base_ / "site"; }
  std::filesystem::path outside() const { return base_ / "outside"; }

  void write(const std::filesystem::path& relative, std::string_view content) const {
    std::ofstream out{root() / relative, std::ios::binary};
    out << content;
    if (!out) throw std::runtime_error("cannot write " + relative.string());
  }

 private:
  std::filesystem::path base_;
};

/// A request as the server's parser would hand it over.
inline Request make_request(
    bhttp::verb method, std::string_view target,
    std::initializer_list<std::pair<bhttp::field, std::string_view>> headers = {},
    unsigned version = 11) {
  Request request{method, target, version};
  request.set(bhttp::field::host, "localhost");
  for (const auto& [name, value] : headers) request.insert(name, value);
  return request;
}

inline Request get(std::string_view target,
                   std::initializer_list<std::pair<bhttp::field, std::string_view>> headers = {}) {
  return make_request(bhttp::verb::get, target, headers);
}

inline Request head(std::string_view target,
                    std::initializer_list<std::pair<bhttp::field, std::string_view>> headers = {}) {
  return make_request(bhttp::verb::head, target, headers);
}

}  // namespace tmeit::http::static_assets::testing
