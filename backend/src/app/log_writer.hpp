#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace tmeit::app {

/// Writes whole lines to a file descriptor from a background thread, in batches.
///
/// The server logs a line for every request; writing each one with its own write() cost a tenth
/// of /health's throughput, and a stalled stdout (a full pipe) would stall the I/O threads.
/// Lines reach the descriptor within a few milliseconds, in the order they were handed over.
/// When more than `max_pending_bytes` wait, new lines are dropped and counted, and a warning
/// line says how many.
class LogWriter {
 public:
  explicit LogWriter(int fd, std::size_t max_pending_bytes = std::size_t{8} << 20);
  /// Writes everything still pending, then stops the thread.
  ~LogWriter();

  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  /// Queues `line` (which ends in a newline); never blocks on the descriptor.
  void write(std::string_view line);

 private:
  void run();

  int fd_;
  std::size_t max_pending_bytes_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  std::size_t dropped_ = 0;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything it uses exists
};

/// Writes all of `text` to `fd`, retrying after interrupts; gives up silently on a broken fd.
void write_all(int fd, std::string_view text);

}  // namespace tmeit::app
