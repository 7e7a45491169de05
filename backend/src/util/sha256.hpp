#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace tmeit::util {

/// A SHA-256 digest.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// Incremental SHA-256 (OpenSSL EVP), for data that arrives in pieces (streams, uploads).
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(Sha256Hasher&&) noexcept;
  Sha256Hasher& operator=(Sha256Hasher&&) noexcept;

  void update(std::string_view data);
  /// The digest of everything so far; the hasher is spent afterwards.
  Sha256Digest finish();

 private:
  struct Deleter {
    void operator()(evp_md_ctx_st* context) const noexcept;
  };
  std::unique_ptr<evp_md_ctx_st, Deleter> context_;
};

/// The SHA-256 of some bytes (OpenSSL EVP).
Sha256Digest sha256(std::string_view data);

/// The SHA-256 of a file's content, read in chunks so large files never sit in memory.
/// Throws std::runtime_error naming the file when it cannot be read.
Sha256Digest sha256_of_file(const std::filesystem::path& file);

/// The MD5 of some bytes as standard base64: the value of a Content-MD5 header (which S3 wants
/// on uploads to Object Lock buckets). MD5 here is an integrity check, never security.
std::string md5_base64(std::string_view data);

/// Lower-case hexadecimal, two characters per byte.
std::string to_hex(std::span<const std::uint8_t> bytes);

}  // namespace tmeit::util
