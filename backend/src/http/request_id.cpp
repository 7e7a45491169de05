#include "http/request_id.hpp"

#include <random>

namespace tmeit::http {
namespace {

bool acceptable(std::string_view value) {
  if (value.empty() || value.size() > 128) return false;
  for (char c : value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string random_id() {
  // Ids only need to be unique, not secret: a per-thread generator avoids locking.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (std::size_t half = 0; half < 2; ++half) {
    auto bits = generator();
    for (std::size_t i = 0; i < 16; ++i) {
      id[half * 16 + i] = hex[bits & 0xF];
      bits >>= 4;
    }
  }
  return id;
}

}  // namespace

std::string choose_request_id(std::string_view client_value) {
  return acceptable(client_value) ? std::string(client_value) : random_id();
}

}  // namespace tmeit::http
