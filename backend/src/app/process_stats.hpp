#pragma once

#include <cstdint>

namespace tmeit::app {

/// Resource use of this process, read from /proc/self for /metrics.
struct ProcessStats {
  std::uint64_t resident_bytes = 0;
  double cpu_seconds = 0;
  std::uint64_t open_fds = 0;
};

ProcessStats read_process_stats();

}  // namespace tmeit::app
