#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/subprocess.hpp"

namespace tmeit::test {

using LogLine = nlohmann::json;

/// A running `tmeit serve`. Reads its stdout (JSON lines) and stderr on a thread and keeps every
/// line for assertions; killed on destruction if still running.
class ServerProcess {
 public:
  /// Starts `tmeit serve` (or the sub-command `args`, e.g. {"worker"}) in a clean environment
  /// plus `env`, and waits for its "listening" line.
  explicit ServerProcess(const Environment& env, std::chrono::milliseconds startup = 15s,
                         const std::vector<std::string>& args = {"serve"});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  /// The port from the "listening" line.
  std::uint16_t port() const { return port_; }
  /// The "listening" line itself.
  const LogLine& listening_line() const { return listening_; }

  /// The process id, for /proc readings (memory, descriptors).
  pid_t pid() const { return child_.pid(); }

  /// From now on, keep no access lines ("msg":"request") in memory, neither as lines nor in
  /// output(): load and soak tests make millions of them.
  void drop_access_lines() { drop_access_lines_ = true; }

  void terminate();  ///< SIGTERM
  void kill_now();   ///< SIGKILL (no clean-up at all), and waits until the process is gone
  void interrupt();  ///< SIGINT
  /// Waits for the process to exit; its exit code, or nullopt if it is still running.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout = 15s);
  bool running() { return child_.running(); }

  /// Every stdout line that parsed as a JSON object, so far.
  std::vector<LogLine> log_lines() const;
  /// Everything written to stdout and stderr so far.
  std::string output() const;
  /// Waits until a JSON line matching `match` appears; nullopt after `timeout`.
  std::optional<LogLine> wait_for_log(const std::function<bool(const LogLine&)>& match,
                                      std::chrono::milliseconds timeout = 5s);
  /// The access line ("msg":"request") with this request id; it is written after the response.
  std::optional<LogLine> access_line(const std::string& request_id,
                                     std::chrono::milliseconds timeout = 5s);

 private:
  void read_output();
  void on_data(int stream, std::string_view data);
  void stop_reader();

  ChildProcess child_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string partial_stdout_;
  std::string output_;
  std::vector<LogLine> lines_;
  bool output_closed_ = false;
  std::atomic<bool> drop_access_lines_{false};
  LogLine listening_;
  std::uint16_t port_ = 0;
};

/// Returns `line[key]` as a string, or "" when absent or not a string.
std::string field(const LogLine& line, const std::string& key);

}  // namespace tmeit::test
