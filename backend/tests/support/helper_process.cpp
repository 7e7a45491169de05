#include "support/helper_process.hpp"

#include <signal.h>

#include <stdexcept>

#include "support/eventually.hpp"

namespace tmeit::test {

HelperProcess::HelperProcess(const std::vector<std::string>& argv, const std::string& ready_marker,
                             std::chrono::milliseconds startup, const std::string& what)
    : child_(std::make_unique<ChildProcess>(argv, clean_environment())) {
  reader_ = std::thread([this] {
    pump_output(child_->stdout_fd(), child_->stderr_fd(),
                std::chrono::steady_clock::now() + std::chrono::hours(24),
                [this](int, std::string_view data) {
                  std::lock_guard lock(mutex_);
                  output_.append(data);
                });
  });
  const auto ready = [&] { return output().find(ready_marker) != std::string::npos; };
  eventually([&] { return ready() || !child_->running(); }, startup);
  if (!ready()) {
    stop();
    throw std::runtime_error(what + " did not start: " + output());
  }
}

HelperProcess::~HelperProcess() {
  try {
    stop();
  } catch (const std::exception&) {
    // The child's destructor kills it anyway.
  }
}

void HelperProcess::stop() {
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

std::string HelperProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

}  // namespace tmeit::test
