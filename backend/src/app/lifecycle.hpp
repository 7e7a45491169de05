#pragma once

#include <atomic>

namespace tmeit::app {

/// Process-wide run state shared by the server and the readiness check.
/// Set once when SIGTERM/SIGINT arrives; readers only ever see it go from false to true.
class Lifecycle {
 public:
  bool draining() const { return draining_.load(std::memory_order_acquire); }
  void start_draining() { draining_.store(true, std::memory_order_release); }

 private:
  std::atomic<bool> draining_{false};
};

}  // namespace tmeit::app
