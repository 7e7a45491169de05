#include "util/json_writer.hpp"

#include "util/utf8.hpp"

#include <array>

namespace tmeit::util {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Bytes a JSON string can hold as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> plain_bytes = [] {
  std::array<bool, 256> plain{};
  for (std::size_t c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

void append_escaped_control(std::string& out, unsigned char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  constexpr std::string_view hex = "0123456789abcdef";
  out += "\\u00";
  out += hex[c >> 4U];
  out += hex[c & 0x0FU];
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run_start = 0;  // plain bytes are copied in runs, not one by one
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (plain_bytes[c]) {
      ++pos;
      continue;
    }
    if (c >= 0x80U) {
      if (const auto length = utf8_sequence_length(text, pos); length > 0) {
        pos += length;
        continue;
      }
    }
    out.append(text, run_start, pos - run_start);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20U) {
      append_escaped_control(out, c);
    } else {
      out += replacement_character;
    }
    run_start = ++pos;
  }
  out.append(text, run_start, pos - run_start);
  out += '"';
}

void JsonWriter::before_value() {
  if (comma_) out_ += ',';
  comma_ = true;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  comma_ = false;
}

void JsonWriter::end_object() {
  out_ += '}';
  comma_ = true;
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  comma_ = false;
}

void JsonWriter::end_array() {
  out_ += ']';
  comma_ = true;
}

void JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += ':';
  comma_ = false;  // the value follows the colon directly
}

void JsonWriter::string(std::string_view value) {
  before_value();
  append_json_string(out_, value);
}

void JsonWriter::optional_string(const std::optional<std::string>& value) {
  if (value) {
    string(*value);
  } else {
    null();
  }
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

}  // namespace tmeit::util
