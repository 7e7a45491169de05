#include "rules/source_tree.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace tmeit::rules {

namespace fs = std::filesystem;

namespace {

bool is_source(const fs::path& path) {
  const std::string name = path.filename().string();
  const auto ends_with = [&name](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".cpp") || ends_with(".hpp") || ends_with(".hpp.in");
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<SourceFile> read_sources(const fs::path& root) {
  if (!fs::is_directory(root)) throw std::runtime_error("no source folder " + root.string());
  std::vector<SourceFile> sources;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || !is_source(entry.path())) continue;
    sources.push_back({fs::relative(entry.path(), root).generic_string(), read_text(entry.path())});
  }
  std::sort(sources.begin(), sources.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return sources;
}

std::vector<Include> quoted_includes(const std::string& text) {
  static const std::regex include(R"re(^[ \t]*#[ \t]*include[ \t]*"([^"]+)")re",
                                  std::regex::multiline);
  std::vector<Include> includes;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), include);
       it != std::sregex_iterator(); ++it) {
    includes.push_back({line_at(text, static_cast<std::size_t>(it->position(0))), (*it)[1].str()});
  }
  return includes;
}

int line_at(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(),
                                         text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string one_per_line(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

}  // namespace tmeit::rules
