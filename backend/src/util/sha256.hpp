#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace tmeit::util {

/// A SHA-256 digest.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// The SHA-256 of some bytes (OpenSSL EVP).
Sha256Digest sha256(std::string_view data);

/// The SHA-256 of a file's content, read in chunks so large files never sit in memory.
/// Throws std::runtime_error naming the file when it cannot be read.
Sha256Digest sha256_of_file(const std::filesystem::path& file);

/// Lower-case hexadecimal, two characters per byte.
std::string to_hex(std::span<const std::uint8_t> bytes);

}  // namespace tmeit::util
