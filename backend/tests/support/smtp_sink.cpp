#include "support/smtp_sink.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include "support/eventually.hpp"
#include "support/paths.hpp"
#include "support/postgres.hpp"

namespace tmeit::test {
namespace {

// Debian's python3 with python3-aiosmtpd; not whatever `python3` comes first on PATH.
constexpr const char* system_python = "/usr/bin/python3";

}  // namespace

std::string smtp_url(std::uint16_t port) {
  return "smtp://127.0.0.1:" + std::to_string(port);
}

SmtpSink::SmtpSink(std::uint16_t port, std::chrono::milliseconds delay)
    : port_(port != 0 ? port : free_port()) {
  child_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{system_python, paths::smtp_sink, std::to_string(port_),
                               folder_.path().string(), std::to_string(delay.count() / 1000.0)},
      clean_environment());
  reader_ = std::thread([this] {
    pump_output(child_->stdout_fd(), child_->stderr_fd(),
                std::chrono::steady_clock::now() + std::chrono::hours(24),
                [this](int, std::string_view data) {
                  std::lock_guard lock(mutex_);
                  output_.append(data);
                });
  });
  const bool ready = eventually(
      [this] { return output().find("ready") != std::string::npos || !child_->running(); }, 15s);
  if (!ready || output().find("ready") == std::string::npos) {
    stop();
    throw std::runtime_error("smtp_sink.py did not start: " + output());
  }
}

std::string SmtpSink::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

SmtpSink::~SmtpSink() {
  try {
    stop();
  } catch (const std::exception&) {
    // The child's destructor kills it anyway.
  }
}

std::string SmtpSink::url() const {
  return smtp_url(port_);
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder_.path())) {
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(read_file(file));
  return out;
}

void SmtpSink::stop() {
  if (child_ && child_->running()) {
    child_->send_signal(SIGTERM);
    if (!child_->wait_for(10s)) {
      child_->send_signal(SIGKILL);
      child_->wait_for(10s);
    }
  }
  // The pipes reach EOF once the process is gone, which ends the reader.
  if (reader_.joinable()) reader_.join();
}

}  // namespace tmeit::test
