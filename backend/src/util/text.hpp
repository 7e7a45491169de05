#pragma once

#include <string_view>

namespace tmeit::util {

/// `text` without leading and trailing spaces and tabs (HTTP's optional white space).
inline std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace tmeit::util
