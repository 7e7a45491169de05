#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace tmeit::util {

/// `text` without leading and trailing spaces and tabs (HTTP's optional white space).
inline std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// `text` with ASCII letters in lower case (emails as keys, file extensions).
inline std::string to_lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace tmeit::util
