#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tmeit::test {

using Environment = std::map<std::string, std::string>;
using namespace std::chrono_literals;

/// The test's own environment minus everything that configures tmeit or libpq, plus `overrides`,
/// so a developer's shell cannot change what a test sees.
Environment clean_environment(const Environment& overrides = {});

/// Owns a file descriptor; closes it on destruction.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd();
  UniqueFd(UniqueFd&& other) noexcept;
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  int get() const { return fd_; }
  void reset();

 private:
  int fd_ = -1;
};

/// A child started with posix_spawn: stdin is /dev/null, stdout and stderr are pipes we read.
/// A child still running on destruction is killed and reaped.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const Environment& env);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  int stdout_fd() const { return stdout_.get(); }
  int stderr_fd() const { return stderr_.get(); }
  /// Sends `signal` unless the child has already been reaped.
  void send_signal(int signal);
  /// Waits up to `timeout` for the exit; the exit code, or 128 + signal number when killed.
  std::optional<int> wait_for(std::chrono::milliseconds timeout);
  bool running();

 private:
  pid_t pid_ = -1;
  UniqueFd stdout_;
  UniqueFd stderr_;
  std::optional<int> exit_code_;
};

/// Reads both pipes until both reach EOF or `deadline` passes; hands every chunk to `on_data`
/// with 1 for stdout and 2 for stderr. Returns false on timeout.
bool pump_output(int stdout_fd, int stderr_fd, std::chrono::steady_clock::time_point deadline,
                 const std::function<void(int stream, std::string_view data)>& on_data);

struct RunResult {
  int exit_code = -1;
  bool timed_out = false;
  std::string out;     ///< stdout
  std::string err;     ///< stderr
  std::string output;  ///< both, in the order read
};

/// Runs a command to completion (killed after `timeout`).
RunResult run_command(const std::vector<std::string>& argv, const Environment& env,
                      std::chrono::milliseconds timeout = 60s);

/// Runs the `tmeit` binary with `args` in a clean environment plus `env`.
RunResult run_tmeit(const std::vector<std::string>& args, const Environment& env,
                    std::chrono::milliseconds timeout = 60s);

/// Starts the `tmeit` binary with `args` in a clean environment plus `env`, without waiting.
ChildProcess spawn_tmeit(const std::vector<std::string>& args, const Environment& env);

}  // namespace tmeit::test
