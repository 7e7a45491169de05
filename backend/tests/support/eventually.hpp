#pragma once

#include <chrono>
#include <thread>

namespace tmeit::test {

/// Polls `condition` every `interval` until it holds or `timeout` passes; for state the server
/// reaches asynchronously (a database coming back, a log line, a readiness flip).
template <typename Condition>
bool eventually(Condition&& condition, std::chrono::milliseconds timeout,
                std::chrono::milliseconds interval = std::chrono::milliseconds(50)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(interval);
  }
}

}  // namespace tmeit::test
