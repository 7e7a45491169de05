#include "support/server_process.hpp"

#include <signal.h>

#include <gtest/gtest.h>

#include <iostream>
#include <stdexcept>

namespace tmeit::test {

ServerProcess::ServerProcess(const Environment& env, std::chrono::milliseconds startup,
                             const std::vector<std::string>& args)
    : child_(spawn_tmeit(args, env)) {
  reader_ = std::thread([this] { read_output(); });
  auto listening =
      wait_for_log([](const LogLine& line) { return field(line, "msg") == "listening"; }, startup);
  if (!listening || !(*listening)["port"].is_number_integer()) {
    stop_reader();
    throw std::runtime_error("tmeit " + args.front() +
                             " did not log a \"listening\" line with a port; output:\n" + output());
  }
  listening_ = *listening;
  port_ = (*listening)["port"].get<std::uint16_t>();
}

ServerProcess::~ServerProcess() {
  stop_reader();
}

void ServerProcess::stop_reader() {
  if (child_.running()) {
    child_.send_signal(SIGKILL);
    child_.wait_for(10s);
  }
  // The pipes reach EOF once the process is gone, which ends the reader.
  if (reader_.joinable()) reader_.join();
}

void ServerProcess::read_output() {
  auto forever = std::chrono::steady_clock::now() + std::chrono::hours(24);
  pump_output(child_.stdout_fd(), child_.stderr_fd(), forever,
              [this](int stream, std::string_view data) { on_data(stream, data); });
  std::lock_guard lock(mutex_);
  output_.append(partial_stdout_);  // a last line without its newline
  output_closed_ = true;
  changed_.notify_all();
}

void ServerProcess::on_data(int stream, std::string_view data) {
  std::lock_guard lock(mutex_);
  if (stream != 1) {
    output_.append(data);
    return;
  }
  partial_stdout_.append(data);
  std::size_t newline;
  std::size_t start = 0;
  while ((newline = partial_stdout_.find('\n', start)) != std::string::npos) {
    const std::string_view text(partial_stdout_.data() + start, newline - start);
    start = newline + 1;
    if (drop_access_lines_ && text.find(R"("msg":"request")") != std::string_view::npos) continue;
    output_.append(text).push_back('\n');
    auto parsed = LogLine::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_object()) lines_.push_back(std::move(parsed));
  }
  partial_stdout_.erase(0, start);
  changed_.notify_all();
}

void ServerProcess::terminate() {
  child_.send_signal(SIGTERM);
}

void ServerProcess::kill_now() {
  child_.send_signal(SIGKILL);
  child_.wait_for(10s);
}

void ServerProcess::interrupt() {
  child_.send_signal(SIGINT);
}

std::optional<int> ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  return child_.wait_for(timeout);
}

std::vector<LogLine> ServerProcess::log_lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

std::string ServerProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

std::optional<LogLine> ServerProcess::wait_for_log(const std::function<bool(const LogLine&)>& match,
                                                   std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(mutex_);
  std::size_t checked = 0;
  while (true) {
    for (; checked < lines_.size(); ++checked) {
      if (match(lines_[checked])) return lines_[checked];
    }
    // A process whose output has ended will write no matching line any more.
    if (output_closed_ || std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    changed_.wait_until(lock, deadline);
  }
}

std::optional<LogLine> ServerProcess::access_line(const std::string& request_id,
                                                  std::chrono::milliseconds timeout) {
  return wait_for_log(
      [&](const LogLine& line) {
        return field(line, "msg") == "request" && field(line, "request_id") == request_id;
      },
      timeout);
}

std::string field(const LogLine& line, const std::string& key) {
  auto it = line.find(key);
  return it != line.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace tmeit::test
