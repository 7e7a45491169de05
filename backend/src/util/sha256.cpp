#include "util/sha256.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tmeit::util {
namespace {

struct EvpMdCtxDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using EvpMdCtx = std::unique_ptr<EVP_MD_CTX, EvpMdCtxDeleter>;

/// Incremental hashing, so files and strings share one code path.
class Hasher {
 public:
  Hasher() : context_(EVP_MD_CTX_new()) {
    if (!context_) throw std::runtime_error("sha256: EVP_MD_CTX_new failed");
    if (EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1) {
      throw std::runtime_error("sha256: EVP_DigestInit_ex failed");
    }
  }

  void update(const void* data, std::size_t size) {
    if (EVP_DigestUpdate(context_.get(), data, size) != 1) {
      throw std::runtime_error("sha256: EVP_DigestUpdate failed");
    }
  }

  Sha256Digest finish() {
    Sha256Digest digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1 ||
        length != digest.size()) {
      throw std::runtime_error("sha256: EVP_DigestFinal_ex failed");
    }
    return digest;
  }

 private:
  EvpMdCtx context_;
};

}  // namespace

Sha256Digest sha256(std::string_view data) {
  Hasher hasher;
  hasher.update(data.data(), data.size());
  return hasher.finish();
}

Sha256Digest sha256_of_file(const std::filesystem::path& file) {
  std::ifstream in{file, std::ios::binary};
  if (!in) throw std::runtime_error("sha256: cannot open " + file.string());
  Hasher hasher;
  std::vector<char> buffer(std::size_t{64} * 1024);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hasher.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad() || !in.eof()) throw std::runtime_error("sha256: cannot read " + file.string());
  return hasher.finish();
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr std::string_view digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (std::uint8_t byte : bytes) {
    hex += digits[byte >> 4];
    hex += digits[byte & 0x0f];
  }
  return hex;
}

}  // namespace tmeit::util
