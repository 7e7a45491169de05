#pragma once

#include <cstdint>

namespace tmeit::app {

/// Resource use of a process, read from /proc: for /metrics, and for tests watching a server.
struct ProcessStats {
  std::uint64_t resident_bytes = 0;
  double cpu_seconds = 0;
  std::uint64_t open_fds = 0;
};

/// The stats of process `pid` (0: this process); zeros when it cannot be read.
ProcessStats read_process_stats(int pid = 0);

}  // namespace tmeit::app
