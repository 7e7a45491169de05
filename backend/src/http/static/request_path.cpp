#include "http/static/request_path.hpp"

namespace tmeit::http::static_assets {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

// Decoded bytes that could change how the path splits or be decoded a second time somewhere
// else; no file of ours needs them.
bool is_forbidden_decoded(unsigned char c) {
  return is_control(c) || c == '/' || c == '\\' || c == '%';
}

std::optional<std::string> percent_decode(std::string_view raw) {
  std::string decoded;
  decoded.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (is_control(c) || c == '\\') return std::nullopt;
    if (c != '%') {
      decoded += static_cast<char>(c);
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    const int high = hex_value(raw[i + 1]);
    const int low = hex_value(raw[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    const auto byte = static_cast<unsigned char>(high * 16 + low);
    if (is_forbidden_decoded(byte)) return std::nullopt;
    decoded += static_cast<char>(byte);
    i += 2;
  }
  return decoded;
}

bool has_dot_segment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> decode_request_path(std::string_view target) {
  const std::string_view raw = target.substr(0, target.find('?'));
  if (raw.empty() || raw.front() != '/') return std::nullopt;
  auto decoded = percent_decode(raw);
  if (!decoded || has_dot_segment(*decoded)) return std::nullopt;
  return decoded;
}

bool is_api_path(std::string_view path) {
  return path == "/api" || path.starts_with("/api/");
}

bool has_file_extension(std::string_view path) {
  const std::string_view name = path.substr(path.find_last_of('/') + 1);
  const auto dot = name.find_last_of('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < name.size();
}

}  // namespace tmeit::http::static_assets
