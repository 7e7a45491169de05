#include "util/password_hash.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace tmeit::util {
namespace {
constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;
}  // namespace

std::string hash_password(std::string_view password, Argon2Cost cost) {
  std::array<unsigned char, salt_bytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    throw std::runtime_error("hash_password: no random bytes for the salt");
  }
  const std::size_t length = argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism,
                                               salt_bytes, hash_bytes, Argon2_id);
  std::vector<char> encoded(length);
  const int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism,
                                       password.data(), password.size(), salt.data(), salt.size(),
                                       hash_bytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    throw std::runtime_error(std::string("hash_password: ") + argon2_error_message(rc));
  }
  return std::string(encoded.data());
}

bool verify_password(std::string_view password, const std::string& encoded) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace tmeit::util
