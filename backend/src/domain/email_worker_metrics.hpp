#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace tmeit::domain {

/// What the email worker did since it started, for its /metrics. Thread-safe: the worker thread
/// counts, the HTTP thread renders.
class EmailWorkerMetrics {
 public:
  /// Upper bounds in seconds of the send duration histogram (an SMTP transaction, end to end).
  static constexpr std::array<double, 10> buckets = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  enum class Outcome { sent, retried, failed };

  /// One attempt that took `seconds` (0 when nothing was sent, e.g. a job given up unsent).
  void observe(Outcome outcome, double seconds);

  /// Appends the counters and the histogram in the Prometheus text format.
  void render(std::string& out) const;

 private:
  mutable std::mutex mutex_;
  std::uint64_t sent_ = 0;
  std::uint64_t retried_ = 0;
  std::uint64_t failed_ = 0;
  std::array<std::uint64_t, buckets.size()> bucket_counts_{};
  std::uint64_t attempts_ = 0;
  double seconds_sum_ = 0;
};

/// Appends the queue depth gauge `email_jobs{status="..."}` from counts read at scrape time.
void render_queue_depth(std::string& out, const std::map<std::string, std::int64_t>& counts);

/// Appends the gauge `email_jobs_oldest_pending_age_seconds` (0 when nothing waits).
void render_oldest_pending(std::string& out, std::int64_t seconds);

}  // namespace tmeit::domain
