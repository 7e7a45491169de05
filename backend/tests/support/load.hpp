#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.hpp"

namespace tmeit::test {

/// One request a load worker sends next, and to which server (the test plays load balancer).
struct LoadRequest {
  std::uint16_t port = 0;
  Request request;
};

/// What a load run saw.
struct LoadReport {
  std::uint64_t requests = 0;          ///< answered, whatever the status
  std::uint64_t transport_errors = 0;  ///< no answer: refused, reset, closed, timed out
  std::map<unsigned, std::uint64_t> statuses;
  std::vector<std::string> first_errors;  ///< what the first few transport errors said
  std::vector<float> latencies_ms;        ///< of every answered request
  double seconds = 0;

  /// Answered requests per second.
  double rate() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
  /// Answers with a status in [from, to).
  std::uint64_t count(unsigned from, unsigned to) const;
  /// The `p`-th percentile (0..100) of the latencies, in milliseconds.
  double percentile_ms(double p) const;
  /// One line for logs: rate, percentiles, statuses, errors.
  std::string summary() const;
};

/// Closed-loop load: `workers` threads, each with keep-alive connections (one per port), send
/// what `next` builds, one request after another, until stop(). A connection the server closes
/// (or answers with Connection: close) is replaced; a failed request counts as a transport error
/// and is not retried, so a test sees every failure a client would.
class LoadGenerator {
 public:
  using NextRequest = std::function<LoadRequest(std::size_t worker, std::uint64_t sequence)>;
  /// Called with every answer on the worker's thread, e.g. to record acknowledged writes.
  using Observer = std::function<void(std::size_t worker, const LoadRequest&, const Response&)>;

  LoadGenerator(std::size_t workers, NextRequest next, Observer observe = {});
  ~LoadGenerator();
  LoadGenerator(const LoadGenerator&) = delete;
  LoadGenerator& operator=(const LoadGenerator&) = delete;

  /// Stops the workers (each finishes its current request) and returns what they saw.
  LoadReport stop();
  /// Answered requests so far.
  std::uint64_t answered() const { return answered_.load(); }

 private:
  void work(std::size_t worker);

  NextRequest next_;
  Observer observe_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> answered_{0};
  std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;
  std::vector<LoadReport> reports_;  // one per worker, merged by stop()
  std::vector<std::thread> threads_;
  bool stopped_ = false;
  LoadReport merged_;
};

/// A GET request for `target` with these headers, for LoadRequest.
Request get_request(std::string_view target, const Headers& headers = {});
/// A request with a JSON body.
Request json_request(http::verb method, std::string_view target, const Headers& headers,
                     const std::string& body);

}  // namespace tmeit::test
