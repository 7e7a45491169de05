#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The rules of `tmeit monitor-health`: how answers from Prometheus, Alertmanager, Loki and
/// Grafana are judged, and when the whole alert path counts as healthy. No I/O here.
namespace tmeit::domain {

/// What one HTTP request to a part of the alert path brought back.
struct HttpReply {
  long status = 0;    ///< 0 when no answer came
  std::string body;   ///< the response body (possibly cut short)
  std::string error;  ///< why no usable answer came (connection refused, timeout, ...)
};

/// The verdict on one part of the alert path.
struct CheckOutcome {
  std::string name;  ///< e.g. "prometheus_ready"
  bool ok = false;
  std::string detail;  ///< why it failed (empty when ok)
};

/// A readiness or health endpoint: healthy exactly when it answered 200.
CheckOutcome judge_status_200(std::string name, const HttpReply& reply);

/// A Prometheus instant query (`/api/v1/query`) whose every series must have the value 1, e.g.
/// `up{job="tmeit-app"}`; no series at all fails too (nothing is being scraped).
CheckOutcome judge_all_series_one(std::string name, const HttpReply& reply);

/// A Loki or Prometheus instant query whose values must add up to more than 0, e.g. the count of
/// the app's log lines in the last 10 minutes.
CheckOutcome judge_sum_positive(std::string name, const HttpReply& reply);

/// True when an Alertmanager webhook body carries a firing alert named Watchdog.
/// Throws std::invalid_argument when the body is not a webhook payload at all.
bool is_watchdog_notification(std::string_view body);

/// The health of the whole path, as monitor-health's /health answers it.
struct AlertPathHealth {
  bool healthy = false;
  nlohmann::json body;  ///< {"healthy", "failed": [...], "checks": {...}, "watchdog": {...}}
};

/// When the results of the last round and the last Watchdog notification still count.
struct AlertPathLimits {
  std::chrono::milliseconds watchdog_max_age{600000};
  std::chrono::milliseconds checks_max_age{120000};
};

/// Judges the last round of checks (finished at `checked_at`, none yet if nullopt) and the last
/// Watchdog notification at time `now`. Healthy only when every check passed, the round is not
/// stale and a Watchdog notification arrived within the limit.
AlertPathHealth assess_alert_path(const std::vector<CheckOutcome>& checks,
                                  std::optional<std::chrono::system_clock::time_point> checked_at,
                                  std::optional<std::chrono::system_clock::time_point> watchdog_at,
                                  std::chrono::system_clock::time_point now,
                                  AlertPathLimits limits);

}  // namespace tmeit::domain
