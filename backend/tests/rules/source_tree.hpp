#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tmeit::rules {

/// One C++ source of backend/src: its path relative to src/ ("db/pool.cpp") and its text.
struct SourceFile {
  std::string path;
  std::string text;
};

/// Every .cpp, .hpp and .hpp.in under `root`, sorted by path, so messages come in a stable order.
std::vector<SourceFile> read_sources(const std::filesystem::path& root);

/// A quoted `#include "dir/file.hpp"` of a source: its line (1-based) and the path it names.
struct Include {
  int line = 0;
  std::string target;
};

/// The quoted includes of `text`, in order. Angle-bracket includes are other projects' headers.
std::vector<Include> quoted_includes(const std::string& text);

/// The 1-based line of `text` at which `offset` lies.
int line_at(const std::string& text, std::size_t offset);

/// `items` one per line, for a failure message.
std::string one_per_line(const std::vector<std::string>& items);

}  // namespace tmeit::rules
