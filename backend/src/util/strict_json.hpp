#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace tmeit::util {

/// The outcome of parse_strict_json: a value, or why there is none.
struct StrictJson {
  nlohmann::json value;                      ///< discarded unless ok()
  std::optional<std::string> duplicate_key;  ///< set when an object repeats a key
  bool ok() const { return !duplicate_key && !value.is_discarded(); }
};

/// Parses `text` as JSON (RFC 8259, UTF-8 only) and refuses an object that repeats a key. The
/// RFC leaves the meaning of repeated keys open; when a proxy, a client library and this server
/// each pick a different one, a check made on one reading is bypassed with another.
StrictJson parse_strict_json(std::string_view text);

}  // namespace tmeit::util
