#include "util/pipeline.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace tmeit::util {
namespace {

[[noreturn]] void throw_errno(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

/// Closes the descriptors it holds when it goes away (the parent's ends of pipes).
struct FdList {
  std::vector<int> fds;
  ~FdList() {
    for (int fd : fds) ::close(fd);
  }
  int add(int fd) {
    fds.push_back(fd);
    return fd;
  }
};

std::vector<std::string> environment_with(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (equals != std::string_view::npos &&
        overrides.contains(std::string(text.substr(0, equals)))) {
      continue;
    }
    env.emplace_back(text);
  }
  for (const auto& [name, value] : overrides) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

/// Starts one command with the given stdin, stdout and stderr descriptors.
pid_t spawn(const Command& command, int in, int out, int err) {
  posix_spawn_file_actions_t actions;
  if (int rc = posix_spawn_file_actions_init(&actions); rc != 0) throw_errno(rc, "spawn setup");
  struct Cleanup {
    posix_spawn_file_actions_t* actions;
    ~Cleanup() { posix_spawn_file_actions_destroy(actions); }
  } cleanup{&actions};
  for (const auto& [from, to] : {std::pair{in, 0}, std::pair{out, 1}, std::pair{err, 2}}) {
    if (int rc = posix_spawn_file_actions_adddup2(&actions, from, to); rc != 0) {
      throw_errno(rc, "spawn dup2");
    }
  }
  if (int rc = posix_spawn_file_actions_addclosefrom_np(&actions, 3); rc != 0) {
    throw_errno(rc, "spawn closefrom");
  }
  std::vector<std::string> argv = command.argv;
  std::vector<std::string> env = environment_with(command.env);
  auto argv_ptrs = pointers(argv);
  auto env_ptrs = pointers(env);
  pid_t pid = -1;
  const int rc =
      posix_spawnp(&pid, argv_ptrs[0], &actions, nullptr, argv_ptrs.data(), env_ptrs.data());
  if (rc != 0) throw_errno(rc, "cannot start " + command.argv.at(0));
  return pid;
}

}  // namespace

Pipeline::Pipeline(const std::vector<Command>& commands, const std::string& stdin_path,
                   bool read_output) {
  if (commands.empty()) throw std::invalid_argument("pipeline without commands");
  FdList parent_ends;
  int in = parent_ends.add(
      ::open(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (in < 0) throw_errno(errno, "cannot open " + stdin_path);
  try {
    for (std::size_t i = 0; i < commands.size(); ++i) {
      const bool last = i + 1 == commands.size();
      int out = -1;
      int next_in = -1;
      if (!last || read_output) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) throw_errno(errno, "pipe2");
        next_in = parent_ends.add(fds[0]);
        out = parent_ends.add(fds[1]);
      } else {
        out = parent_ends.add(::open("/dev/null", O_WRONLY | O_CLOEXEC));
      }
      const int err = ::memfd_create("tmeit-stderr", MFD_CLOEXEC);
      if (err < 0) throw_errno(errno, "memfd_create");
      // Listed before it starts, so a failed start still closes its stderr file.
      stages_.push_back(Stage{commands[i].argv.at(0), -1, err});
      stages_.back().pid = spawn(commands[i], in, out, err);
      in = next_in;
    }
  } catch (...) {
    terminate();
    for (auto& stage : stages_) reap(stage);
    for (auto& stage : stages_) ::close(stage.stderr_fd);
    throw;
  }
  if (read_output) {
    // The last pipe's read end stays open for read(); FdList closes everything else.
    output_fd_ = ::fcntl(in, F_DUPFD_CLOEXEC, 3);
    if (output_fd_ < 0) throw_errno(errno, "dup");
  }
}

Pipeline::~Pipeline() {
  terminate();
  if (output_fd_ >= 0) ::close(output_fd_);
  for (auto& stage : stages_) {
    reap(stage);
    ::close(stage.stderr_fd);
  }
}

std::size_t Pipeline::read(char* buffer, std::size_t size) {
  while (true) {
    const ssize_t n = ::read(output_fd_, buffer, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) throw_errno(errno, "read from " + stages_.back().name);
  }
}

void Pipeline::terminate() {
  for (auto& stage : stages_) {
    if (!stage.reaped && stage.pid > 0) ::kill(stage.pid, SIGTERM);
  }
}

void Pipeline::reap(Stage& stage) {
  if (stage.reaped || stage.pid <= 0) return;
  int status = 0;
  while (::waitpid(stage.pid, &status, 0) < 0) {
    if (errno != EINTR) return;
  }
  stage.reaped = true;
  stage.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string Pipeline::stderr_tail(const Stage& stage) const {
  constexpr off_t tail = 1000;
  const off_t size = ::lseek(stage.stderr_fd, 0, SEEK_END);
  if (size <= 0) return {};
  std::string text(static_cast<std::size_t>(std::min(size, tail)), '\0');
  const ssize_t n = ::pread(stage.stderr_fd, text.data(), text.size(), size - std::min(size, tail));
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::vector<std::string> Pipeline::wait() {
  if (output_fd_ >= 0) {
    ::close(output_fd_);
    output_fd_ = -1;
  }
  std::vector<std::string> failures;
  for (auto& stage : stages_) {
    reap(stage);
    if (stage.status != 0) {
      failures.push_back(stage.name + ": exit " + std::to_string(stage.status) + ": " +
                         stderr_tail(stage));
    }
  }
  return failures;
}

}  // namespace tmeit::util
