#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace tmeit::util {

/// Reads exactly `length` bytes of a file starting at `offset`, without following a symlink in
/// the last path component. Throws std::runtime_error naming the file when it cannot be opened or
/// read, when it is shorter than asked, or when its size is not `expected_size` (given one): the
/// file changed since the caller looked at it.
std::string read_file_slice(const std::filesystem::path& file, std::uint64_t offset,
                            std::uint64_t length,
                            std::optional<std::uint64_t> expected_size = std::nullopt);

}  // namespace tmeit::util
