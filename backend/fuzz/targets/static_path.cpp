// The static path normaliser: whatever it accepts is a clean absolute path that cannot leave
// the site folder.
#include "http/static/request_path.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool has_dot_segment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const auto segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tmeit::http::static_assets;
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  const auto path = decode_request_path(target);
  if (!path) return 0;
  if (path->empty() || path->front() != '/' || has_dot_segment(*path)) __builtin_trap();
  for (unsigned char c : *path) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == '%') __builtin_trap();
  }
  (void)is_api_path(*path);
  (void)has_file_extension(*path);
  return 0;
}
