#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/subprocess.hpp"

namespace tmeit::test {

/// A helper server a test starts (the SMTP sink, the S3-API server): its stdout and stderr are
/// drained on a thread (so it never blocks on a full pipe) and kept, and the constructor waits
/// until the output holds `ready_marker`. Stopped (SIGTERM, then SIGKILL) on destruction.
class HelperProcess {
 public:
  /// Throws naming `what` and the output when it exits or stays silent for `startup`.
  HelperProcess(const std::vector<std::string>& argv, const std::string& ready_marker,
                std::chrono::milliseconds startup, const std::string& what);
  ~HelperProcess();
  HelperProcess(const HelperProcess&) = delete;
  HelperProcess& operator=(const HelperProcess&) = delete;

  /// Stops the process and waits for it (idempotent).
  void stop();
  /// Everything it wrote so far.
  std::string output() const;

 private:
  std::unique_ptr<ChildProcess> child_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::string output_;
};

}  // namespace tmeit::test
