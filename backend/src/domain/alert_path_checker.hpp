#pragma once

#include "app/logger.hpp"
#include "domain/alert_path.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tmeit::domain {

/// Where the parts of the alert path answer and how to ask them (see app::Config). An empty
/// Loki or Grafana URL leaves those checks out.
struct AlertPathTargets {
  std::string prometheus_url;
  std::string alertmanager_url;
  std::string loki_url;
  std::string grafana_url;
  std::string app_up_query;  ///< PromQL: every series must be 1
  std::string loki_query;    ///< LogQL: the values must add up to more than 0
};

/// Checks the alert path in the background, one round every `interval`, each request bounded by
/// `timeout`, and keeps the last round's outcomes; the HTTP thread only reads them, so /health
/// costs nothing and answers even when everything it watches is down.
class AlertPathChecker {
 public:
  /// A blocking GET of a URL within a timeout (clients::http_get in production).
  using Fetch = std::function<HttpReply(const std::string& url, std::chrono::milliseconds)>;

  AlertPathChecker(AlertPathTargets targets, Fetch fetch, std::chrono::milliseconds interval,
                   std::chrono::milliseconds timeout, AlertPathLimits limits,
                   const app::Logger& logger);
  ~AlertPathChecker();
  AlertPathChecker(const AlertPathChecker&) = delete;
  AlertPathChecker& operator=(const AlertPathChecker&) = delete;

  /// Starts the background rounds (the first at once).
  void start();
  /// Stops them; a request in flight finishes within its timeout first.
  void stop();

  /// Runs one round now, on the calling thread.
  void check_once();

  /// Notes that Alertmanager delivered a Watchdog notification now.
  void record_watchdog();

  /// The health of the path at this moment.
  AlertPathHealth health() const;

  /// The last round's outcomes, for /metrics.
  std::vector<CheckOutcome> last_outcomes() const;

 private:
  std::vector<CheckOutcome> run_checks() const;
  void loop();

  AlertPathTargets targets_;
  Fetch fetch_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds timeout_;
  AlertPathLimits limits_;
  const app::Logger& logger_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<CheckOutcome> outcomes_;
  std::optional<std::chrono::system_clock::time_point> checked_at_;
  std::optional<std::chrono::system_clock::time_point> watchdog_at_;
  std::thread thread_;
};

}  // namespace tmeit::domain
