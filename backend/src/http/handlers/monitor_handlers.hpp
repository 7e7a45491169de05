#pragma once

#include "domain/alert_path_checker.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

#include <vector>

namespace tmeit::http {

/// The endpoints of `tmeit monitor-health`: the verdict on the alert path, the Watchdog webhook
/// Alertmanager calls, and its own metrics.
class MonitorHandlers {
 public:
  MonitorHandlers(domain::AlertPathChecker& checker, const Metrics& metrics);

  /// 200 when every part of the alert path works, else 503; the body names each failed part.
  asio::awaitable<Response> health(RequestContext& ctx);
  /// Alertmanager's webhook: a firing Watchdog in the payload counts as a fresh notification.
  asio::awaitable<Response> watchdog(RequestContext& ctx);
  asio::awaitable<Response> metrics(RequestContext& ctx);

 private:
  domain::AlertPathChecker& checker_;
  const Metrics& metrics_;
};

/// The route table of monitor-health: GET /health, POST /watchdog, GET /metrics.
std::vector<Route> monitor_routes(MonitorHandlers& handlers);

/// Appends `tmeit_alert_path_check_ok{check}` and `tmeit_alert_path_healthy` for /metrics.
void render_alert_path_metrics(std::string& out, const domain::AlertPathChecker& checker);

}  // namespace tmeit::http
