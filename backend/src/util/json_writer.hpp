#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::util {

/// Writes JSON text straight into a string, value by value, for the responses the server sends
/// most (lists of events and members): no document tree, no allocation per value. The caller
/// keeps the structure balanced; the writer places the commas and colons and escapes strings.
/// Text that is not valid UTF-8 is written with U+FFFD in place of the bad bytes, as
/// nlohmann::json's dump does with error_handler_t::replace.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The name of the next object member.
  void key(std::string_view name);

  void string(std::string_view value);
  void optional_string(const std::optional<std::string>& value);
  void boolean(bool value);
  void null();

 private:
  void before_value();

  std::string& out_;
  bool comma_ = false;  // a value was written in the current container: the next needs a comma
};

/// `items` as a JSON array, each written by `write(writer, item)`. `bytes_per_item` sizes the
/// text up front, so a long list is not regrown while it is written.
template <class Items, class Write>
std::string json_array(const Items& items, std::size_t bytes_per_item, Write write) {
  std::string out;
  out.reserve(2 + items.size() * bytes_per_item);
  JsonWriter writer(out);
  writer.begin_array();
  for (const auto& item : items) write(writer, item);
  writer.end_array();
  return out;
}

/// `text` as a JSON string literal, appended to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace tmeit::util
