#pragma once

#include <sys/types.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace tmeit::util {

/// One command of a pipeline: its argv (argv[0] is looked up in PATH unless it holds a '/')
/// and variables added to (or replacing) the parent's environment.
struct Command {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
};

/// Commands connected like a shell pipeline (`a | b | c`), started with posix_spawn: each
/// one's stdout feeds the next one's stdin, the first reads `stdin_path` (or /dev/null), and
/// the last one's stdout is either read by the caller (read()) or discarded. Each command's
/// stderr goes to a memory file whose tail explains a failure. Data between the commands
/// never passes through this process, and what the caller reads comes in bounded chunks, so
/// memory stays small whatever flows through. Destroyed early, every command still running is
/// killed and reaped.
class Pipeline {
 public:
  Pipeline(const std::vector<Command>& commands, const std::string& stdin_path, bool read_output);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// Reads up to `size` bytes of the last command's output; 0 at the end. Only with
  /// read_output.
  std::size_t read(char* buffer, std::size_t size);

  /// Waits for every command to exit. Returns one line per command that failed ("pg_dump:
  /// exit 1: <last stderr lines>"), empty when all exited 0.
  std::vector<std::string> wait();

  /// Sends SIGTERM to every command still running (e.g. the reader gave up).
  void terminate();

 private:
  struct Stage {
    std::string name;
    pid_t pid = -1;
    int stderr_fd = -1;
    int status = -1;  // exit status once reaped
    bool reaped = false;
  };
  std::string stderr_tail(const Stage& stage) const;
  void reap(Stage& stage);

  std::vector<Stage> stages_;
  int output_fd_ = -1;
};

}  // namespace tmeit::util
