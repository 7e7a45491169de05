#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tmeit::app {

/// Counts events per key (an account, a client address) over a sliding window and says when a
/// key has had its `limit`. In memory, per process: with several replicas each counts its own
/// share, which still bounds guessing to limit × replicas. Safe from any thread.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::size_t limit, std::chrono::seconds window);

  /// How long until `key` may act again, or std::nullopt when it may act now.
  std::optional<std::chrono::seconds> blocked_for(const std::string& key,
                                                  Clock::time_point now = Clock::now());

  /// Counts one event for `key`.
  void record(const std::string& key, Clock::time_point now = Clock::now());

  /// blocked_for() and, when not blocked, record() in one step.
  std::optional<std::chrono::seconds> try_acquire(const std::string& key,
                                                  Clock::time_point now = Clock::now());

  /// Forgets `key` (a successful login clears its failures).
  void clear(const std::string& key);

 private:
  std::optional<std::chrono::seconds> blocked_locked(const std::string& key, Clock::time_point now);
  void record_locked(const std::string& key, Clock::time_point now);
  void forget_stale(Clock::time_point now);

  std::size_t limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> events_;
  Clock::time_point last_sweep_{};
};

/// How long until both `first_key` (in `first`) and `second_key` (in `second`) may act again;
/// zero when both may act now. For checks counted two ways, e.g. per account and per address.
std::chrono::seconds longest_block(RateLimiter& first, const std::string& first_key,
                                   RateLimiter& second, const std::string& second_key);

}  // namespace tmeit::app
