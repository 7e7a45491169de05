#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tmeit::db {

/// A named prepared statement. Declare them as constants beside the repository that uses them,
/// with $1, $2, ... parameters; never build SQL by concatenation. Each connection prepares a
/// statement the first time it runs it, so names must be unique across the program.
struct Statement {
  const char* name;
  const char* sql;
};

/// Statement parameters in text format; std::nullopt is SQL NULL.
using Params = std::vector<std::optional<std::string>>;

}  // namespace tmeit::db
