#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace tmeit::util {

/// Reads exactly `length` bytes of a file starting at `offset`, without following a symlink in
/// the last path component. Throws std::runtime_error naming the file when it cannot be opened or
/// read, or when it is shorter than asked (it changed since it was indexed).
std::string read_file_slice(const std::filesystem::path& file, std::uint64_t offset,
                            std::uint64_t length);

}  // namespace tmeit::util
