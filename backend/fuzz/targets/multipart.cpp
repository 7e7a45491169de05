// multipart/form-data uploads (photos): the input's first line is the Content-Type header, the
// rest the body. Each input is parsed within the limits, with the file a slice of the body and
// every text field UTF-8, or gets a 4xx.
#include "http/multipart.hpp"
#include "http/errors.hpp"
#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tmeit::http;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  auto content_type = input.substr(0, newline);
  auto body = input.substr(newline + 1);
  const MultipartLimits limits{.max_file_bytes = 1024, .max_field_bytes = 64, .max_parts = 8};
  try {
    auto form = parse_multipart(body, multipart_boundary(content_type), limits);
    if (form.file) {
      const auto& file = *form.file;
      if (file.data.data() < body.data() ||
          file.data.data() + file.data.size() > body.data() + body.size() ||
          file.data.size() > limits.max_file_bytes || !tmeit::util::is_valid_utf8(file.field)) {
        __builtin_trap();
      }
    }
    if (form.fields.size() > limits.max_parts) __builtin_trap();
    for (const auto& [name, value] : form.fields) {
      if (value.size() > limits.max_field_bytes || !tmeit::util::is_valid_utf8(name) ||
          !tmeit::util::is_valid_utf8(value)) {
        __builtin_trap();
      }
    }
  } catch (const ApiError&) {
    // A 4xx: what bad input must get.
  }
  return 0;
}
