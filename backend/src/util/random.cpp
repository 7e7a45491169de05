#include "util/random.hpp"

#include "util/base64url.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace tmeit::util {

std::string random_bytes(std::size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    throw std::runtime_error("random_bytes: OpenSSL RAND_bytes failed");
  }
  return bytes;
}

std::string random_token(std::size_t bytes) {
  return base64url_encode(random_bytes(bytes));
}

}  // namespace tmeit::util
