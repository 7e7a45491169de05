#pragma once

#include <cstddef>
#include <cstdint>

namespace tmeit::app {

/// Raises this process's soft limit on open files to its hard limit (many systems start
/// processes at 1024 while allowing far more) and returns the soft limit now in force.
std::uint64_t raise_open_files_limit();

/// How many connections fit under `open_files_limit` with room left for everything else the
/// process opens (database connections, static files, logs): at most `wanted`.
std::size_t connections_within(std::uint64_t open_files_limit, std::size_t wanted);

}  // namespace tmeit::app
