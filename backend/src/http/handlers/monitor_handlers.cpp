#include "http/handlers/monitor_handlers.hpp"

#include "http/errors.hpp"
#include "http/route_helpers.hpp"

#include <stdexcept>

namespace tmeit::http {

MonitorHandlers::MonitorHandlers(domain::AlertPathChecker& checker, const Metrics& metrics)
    : checker_(checker), metrics_(metrics) {}

asio::awaitable<Response> MonitorHandlers::health(RequestContext& ctx) {
  auto verdict = checker_.health();
  if (!verdict.healthy) ctx.error = "alert path broken: " + verdict.body["failed"].dump();
  co_return json_response(ctx.request, verdict.healthy ? Status::ok : Status::service_unavailable,
                          verdict.body);
}

asio::awaitable<Response> MonitorHandlers::watchdog(RequestContext& ctx) {
  bool watchdog = false;
  try {
    watchdog = domain::is_watchdog_notification(ctx.request.body());
  } catch (const std::invalid_argument&) {
    throw BadRequest("expected an Alertmanager webhook payload");
  }
  if (watchdog) checker_.record_watchdog();
  co_return json_response(ctx.request, Status::ok, {{"watchdog", watchdog}});
}

asio::awaitable<Response> MonitorHandlers::metrics(RequestContext& ctx) {
  Response response{Status::ok, ctx.request.version()};
  response.set(bhttp::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
  response.set(bhttp::field::cache_control, "no-store");
  response.keep_alive(ctx.request.keep_alive());
  response.body() = metrics_.render();
  response.prepare_payload();
  co_return response;
}

std::vector<Route> monitor_routes(MonitorHandlers& handlers) {
  return {{.method = bhttp::verb::get,
           .path = "/health",
           .operation_id = "alert_path_health",
           .summary = "Is the alert path whole?",
           .tag = "monitor",
           .handler = bind(handlers, &MonitorHandlers::health)},
          {.method = bhttp::verb::post,
           .path = "/watchdog",
           .operation_id = "watchdog_webhook",
           .summary = "Alertmanager webhook for the Watchdog alert",
           .tag = "monitor",
           .handler = bind(handlers, &MonitorHandlers::watchdog)},
          {.method = bhttp::verb::get,
           .path = "/metrics",
           .operation_id = "monitor_metrics",
           .summary = "Prometheus metrics",
           .tag = "monitor",
           .handler = bind(handlers, &MonitorHandlers::metrics)}};
}

void render_alert_path_metrics(std::string& out, const domain::AlertPathChecker& checker) {
  std::string samples;
  for (const auto& outcome : checker.last_outcomes()) {
    samples += sample("tmeit_alert_path_check_ok{check=\"" + escape_label(outcome.name) + "\"}",
                      outcome.ok ? "1" : "0");
  }
  append_family(out, "tmeit_alert_path_check_ok", "gauge",
                "1 when the last check of this part of the alert path passed.", samples);
  append_family(out, "tmeit_alert_path_healthy", "gauge",
                "1 when monitor-health's /health answers 200.",
                sample("tmeit_alert_path_healthy", checker.health().healthy ? "1" : "0"));
}

}  // namespace tmeit::http
