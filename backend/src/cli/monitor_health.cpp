#include "app/config.hpp"
#include "app/logger.hpp"
#include "cli/commands.hpp"
#include "cli/small_server.hpp"
#include "clients/curl_handles.hpp"
#include "clients/http_get.hpp"
#include "domain/alert_path_checker.hpp"
#include "http/handlers/monitor_handlers.hpp"
#include "http/metrics.hpp"
#include "http/process_metrics.hpp"

namespace tmeit::cli {
namespace {

domain::AlertPathTargets targets_of(const app::Config& config) {
  return {config.monitor_prometheus_url, config.monitor_alertmanager_url,
          config.monitor_loki_url,       config.monitor_grafana_url,
          config.monitor_app_up_query,   config.monitor_loki_query};
}

}  // namespace

int run_monitor_health(const Args&) {
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  // Before any thread exists: curl_global_init is not thread-safe.
  const clients::CurlGlobal curl;

  // A round is stale once two more should have finished, each request at its full timeout.
  const domain::AlertPathLimits limits{config.monitor_watchdog_max_age,
                                       3 * config.monitor_interval + 12 * config.monitor_timeout};
  domain::AlertPathChecker checker(
      targets_of(config),
      [](const std::string& url, std::chrono::milliseconds timeout) {
        return clients::http_get(url, timeout);
      },
      config.monitor_interval, config.monitor_timeout, limits, logger);

  http::Metrics metrics;
  http::add_process_metrics(metrics, logger);
  metrics.add_collector(
      [&checker](std::string& out) { http::render_alert_path_metrics(out, checker); });
  http::MonitorHandlers handlers(checker, metrics);
  SmallServer server(config, http::monitor_routes(handlers), metrics, logger, config.port);
  logger.info("listening", {{"role", "monitor-health"},
                            {"address", config.bind_address},
                            {"port", server.port()},
                            {"prometheus", config.monitor_prometheus_url},
                            {"alertmanager", config.monitor_alertmanager_url},
                            {"loki", config.monitor_loki_url},
                            {"grafana", config.monitor_grafana_url},
                            {"interval_ms", config.monitor_interval.count()}});
  checker.start();
  // Returns after SIGTERM/SIGINT, once the open connections are drained.
  server.run();
  checker.stop();
  logger.info("stopped");
  return 0;
}

}  // namespace tmeit::cli
