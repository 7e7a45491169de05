#pragma once

#include <string>
#include <string_view>

namespace tmeit::storage {

/// True for a key both backends accept: 1 to 1024 bytes of printable ASCII or UTF-8, segments
/// separated by single '/', none empty, "." or "..", no backslash, and no segment starting
/// with ".tmeit" (the folder backend's own files). So a key can never name anything outside
/// the folder or bucket, whatever a caller passes.
bool valid_key(std::string_view key);

/// Throws StorageError (not retryable) naming the problem when `key` is not valid_key.
void check_key(std::string_view key);

/// valid_key, but a prefix may be empty or end in '/'.
bool valid_prefix(std::string_view prefix);

}  // namespace tmeit::storage
