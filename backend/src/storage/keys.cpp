#include "storage/keys.hpp"

#include "storage/object_store.hpp"

namespace tmeit::storage {

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 1024) return false;
  for (const char ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || c == '\\') return false;
  }
  std::size_t start = 0;
  while (start <= key.size()) {
    auto slash = key.find('/', start);
    if (slash == std::string_view::npos) slash = key.size();
    const auto segment = key.substr(start, slash - start);
    if (segment.empty() || segment == "." || segment == ".." || segment.starts_with(".tmeit")) {
      return false;
    }
    start = slash + 1;
  }
  return true;
}

void check_key(std::string_view key) {
  if (!valid_key(key)) {
    throw StorageError("invalid object key '" + std::string(key.substr(0, 200)) + "'", 400, false);
  }
}

bool valid_prefix(std::string_view prefix) {
  if (prefix.empty()) return true;
  if (prefix.back() == '/') prefix.remove_suffix(1);
  return valid_key(prefix);
}

}  // namespace tmeit::storage
