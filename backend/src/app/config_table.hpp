#pragma once

// The building blocks of the configuration table (config.cpp and config_storage.cpp): one row
// per environment variable, with the parser that applies it to Config.

#include "app/config.hpp"
#include "util/text.hpp"

#include <charconv>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tmeit::app::config_table {

using Problems = std::vector<std::string>;

/// Parses a whole unsigned number within [min, max], or records why not.
template <typename T>
inline bool parse_number(std::string_view name, std::string_view text, T min, T max, T& out,
                         Problems& problems) {
  unsigned long long value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty() || value < min || value > max) {
    std::ostringstream line;
    line << name << ": expected a whole number from " << min << " to " << max << ", got '" << text
         << "'";
    problems.push_back(line.str());
    return false;
  }
  out = static_cast<T>(value);
  return true;
}

inline void parse_millis(std::string_view name, std::string_view text,
                         std::chrono::milliseconds& out, Problems& problems,
                         unsigned long long min_ms, unsigned long long max_ms) {
  unsigned long long ms = 0;
  if (parse_number<unsigned long long>(name, text, min_ms, max_ms, ms, problems)) {
    out = std::chrono::milliseconds(ms);
  }
}

inline std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    auto item = util::trim_spaces(text.substr(start, comma - start));
    if (!item.empty()) items.emplace_back(item);
    start = comma + 1;
  }
  return items;
}

/// Accepts text that starts with one of `schemes` and has something after it.
inline void parse_url(std::string_view name, std::string_view text,
                      std::initializer_list<std::string_view> schemes, std::string& out,
                      Problems& problems) {
  for (auto scheme : schemes) {
    if (text.size() > scheme.size() && text.substr(0, scheme.size()) == scheme) {
      out = text;
      return;
    }
  }
  std::string expected;
  for (auto scheme : schemes) expected += (expected.empty() ? "" : " or ") + std::string(scheme);
  // Never echo the value: a URL may carry a password.
  problems.push_back(std::string(name) + ": expected a URL starting with " + expected);
}

/// A From mailbox: "Name <address>" or a bare address, on one line.
inline void parse_mailbox(std::string_view name, std::string_view text, std::string& out,
                          Problems& problems) {
  const auto open = text.find('<');
  const bool bracketed_ok = open == std::string_view::npos ||
                            (text.back() == '>' && text.find('@', open) != std::string_view::npos);
  if (text.find('@') == std::string_view::npos ||
      text.find_first_of("\r\n") != std::string_view::npos || !bracketed_ok) {
    problems.push_back(std::string(name) +
                       ": expected an address like 'TMEIT <noreply@tmeit.se>', got '" +
                       std::string(text) + "'");
    return;
  }
  out = text;
}

using Apply = void (*)(Config&, std::string_view name, std::string_view value, Problems&);

// The common rows' parsers, as plain functions (an Apply is a function pointer): one line per
// variable in the table instead of a lambda each.

/// A whole number within [Min, Max] into the Config member `Field`.
template <auto Field, auto Min, auto Max>
void number(Config& c, std::string_view name, std::string_view value, Problems& problems) {
  using T = std::remove_reference_t<decltype(c.*Field)>;
  parse_number<T>(name, value, static_cast<T>(Min), static_cast<T>(Max), c.*Field, problems);
}

/// Milliseconds within [MinMs, MaxMs] into the Config member `Field`.
template <auto Field, unsigned long long MinMs, unsigned long long MaxMs>
void millis(Config& c, std::string_view name, std::string_view value, Problems& problems) {
  parse_millis(name, value, c.*Field, problems, MinMs, MaxMs);
}

/// The text as it is, into the Config member `Field`.
template <auto Field>
void text(Config& c, std::string_view, std::string_view value, Problems&) {
  c.*Field = value;
}

struct EnvVar {
  EnvVarDoc doc;
  Apply apply;
};

/// Adds the object storage and backup variables (config_storage.cpp).
void append_storage_variables(std::vector<EnvVar>& rows);

}  // namespace tmeit::app::config_table
