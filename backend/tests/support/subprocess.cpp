#include "support/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "support/paths.hpp"

extern char** environ;

namespace tmeit::test {
namespace {

[[noreturn]] void throw_errno(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

bool configures_tmeit(std::string_view name) {
  return name.starts_with("TMEIT_") || name.starts_with("PG") || name == "DATABASE_URL" ||
         name == "PORT";
}

/// posix_spawn attributes and file actions with their destroy calls tied to scope.
struct SpawnSetup {
  posix_spawn_file_actions_t actions{};
  SpawnSetup() {
    if (int rc = posix_spawn_file_actions_init(&actions); rc != 0) throw_errno(rc, "spawn setup");
  }
  ~SpawnSetup() { posix_spawn_file_actions_destroy(&actions); }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

std::pair<UniqueFd, UniqueFd> make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw_errno(errno, "pipe2");
  return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

}  // namespace

Environment clean_environment(const Environment& overrides) {
  Environment env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    auto equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    auto name = text.substr(0, equals);
    if (!configures_tmeit(name)) env.emplace(name, text.substr(equals + 1));
  }
  for (const auto& [name, value] : overrides) env[name] = value;
  return env;
}

UniqueFd::~UniqueFd() {
  reset();
}

UniqueFd::UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    reset();
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

void UniqueFd::reset() {
  // close() may fail with EINTR, but the descriptor is released either way on Linux.
  if (fd_ >= 0) (void)close(fd_);
  fd_ = -1;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const Environment& env) {
  auto [out_read, out_write] = make_pipe();
  auto [err_read, err_write] = make_pipe();
  SpawnSetup setup;
  auto check = [](int rc, const char* what) {
    if (rc != 0) throw_errno(rc, what);
  };
  check(posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0), "stdin");
  check(posix_spawn_file_actions_adddup2(&setup.actions, out_write.get(), 1), "stdout");
  check(posix_spawn_file_actions_adddup2(&setup.actions, err_write.get(), 2), "stderr");
  // Sockets the test holds open must not leak into the child and outlive a close in the test.
  check(posix_spawn_file_actions_addclosefrom_np(&setup.actions, 3), "closefrom");

  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_lines;
  for (const auto& [name, value] : env) env_lines.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& line : env_lines) envp.push_back(line.data());
  envp.push_back(nullptr);

  int rc = posix_spawn(&pid_, args[0], &setup.actions, nullptr, args.data(), envp.data());
  if (rc != 0) throw_errno(rc, "posix_spawn " + argv.at(0));
  stdout_ = std::move(out_read);
  stderr_ = std::move(err_read);
}

ChildProcess::~ChildProcess() {
  if (running()) {
    send_signal(SIGKILL);
    wait_for(10s);
  }
}

void ChildProcess::send_signal(int signal) {
  if (exit_code_ || pid_ <= 0) return;
  if (kill(pid_, signal) != 0 && errno != ESRCH) throw_errno(errno, "kill");
}

std::optional<int> ChildProcess::wait_for(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!exit_code_) {
    int status = 0;
    pid_t rc = waitpid(pid_, &status, WNOHANG);
    if (rc < 0 && errno != EINTR) throw_errno(errno, "waitpid");
    if (rc == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(5ms);
  }
  return exit_code_;
}

bool ChildProcess::running() {
  return pid_ > 0 && !wait_for(0ms).has_value();
}

bool pump_output(int stdout_fd, int stderr_fd, std::chrono::steady_clock::time_point deadline,
                 const std::function<void(int stream, std::string_view data)>& on_data) {
  pollfd fds[2] = {{stdout_fd, POLLIN, 0}, {stderr_fd, POLLIN, 0}};
  char buffer[8192];
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 100)));
    if (ready < 0 && errno != EINTR) throw_errno(errno, "poll");
    for (int i = 0; i < 2 && ready > 0; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        on_data(i + 1, std::string_view(buffer, static_cast<std::size_t>(n)));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;  // EOF (or a broken pipe): this stream is done
      }
    }
  }
  return true;
}

RunResult run_command(const std::vector<std::string>& argv, const Environment& env,
                      std::chrono::milliseconds timeout) {
  RunResult result;
  ChildProcess child(argv, env);
  auto on_data = [&](int stream, std::string_view data) {
    (stream == 1 ? result.out : result.err).append(data);
    result.output.append(data);
  };
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::optional<int> code;
  while (!code && std::chrono::steady_clock::now() < deadline) {
    auto slice = std::min(deadline, std::chrono::steady_clock::now() + 100ms);
    bool eof = pump_output(child.stdout_fd(), child.stderr_fd(), slice, on_data);
    code = child.wait_for(eof ? std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now())
                              : 0ms);
  }
  if (code) {
    // A daemon the command started (a postmaster) may hold the pipes open: read what is left
    // briefly instead of waiting for EOF.
    pump_output(child.stdout_fd(), child.stderr_fd(), std::chrono::steady_clock::now() + 200ms,
                on_data);
  } else {
    result.timed_out = true;
    child.send_signal(SIGKILL);
    code = child.wait_for(10s);
  }
  result.exit_code = code.value_or(-1);
  return result;
}

RunResult run_tmeit(const std::vector<std::string>& args, const Environment& env,
                    std::chrono::milliseconds timeout) {
  std::vector<std::string> argv{paths::tmeit_binary};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, clean_environment(env), timeout);
}

ChildProcess spawn_tmeit(const std::vector<std::string>& args, const Environment& env) {
  std::vector<std::string> argv{paths::tmeit_binary};
  argv.insert(argv.end(), args.begin(), args.end());
  return ChildProcess(argv, clean_environment(env));
}

}  // namespace tmeit::test
