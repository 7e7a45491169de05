#include "http/static/conditional.hpp"

namespace tmeit::http::static_assets {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

/// Whether the entity-tag list `header` (or `*`) holds `etag`; `weak`: W/ tags count too.
bool list_matches(std::string_view header, std::string_view etag, bool weak) {
  header = trim(header);
  if (header == "*") return true;
  std::size_t i = 0;
  while (i < header.size()) {
    if (is_space(header[i]) || header[i] == ',') {
      ++i;
      continue;
    }
    const bool is_weak = header.substr(i, 2) == "W/";
    if (is_weak) i += 2;
    // An entity-tag is a quoted string without inner quotes; it may hold commas.
    if (i >= header.size() || header[i] != '"') return false;
    const auto close = header.find('"', i + 1);
    if (close == std::string_view::npos) return false;
    if ((weak || !is_weak) && header.substr(i, close - i + 1) == etag) return true;
    i = close + 1;
  }
  return false;
}

}  // namespace

bool if_none_match_matches(std::string_view header, std::string_view etag) {
  return list_matches(header, etag, /*weak=*/true);
}

bool if_match_matches(std::string_view header, std::string_view etag) {
  return list_matches(header, etag, /*weak=*/false);
}

bool if_range_matches(std::string_view header, std::string_view etag) {
  return trim(header) == etag;
}

}  // namespace tmeit::http::static_assets
