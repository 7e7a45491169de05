// `tmeit monitor-health`: answers even when every part of the alert path it watches is down,
// names each failed part, takes the Watchdog webhook, and exposes its checks as metrics. The
// live alert test (scripts/test-alerts) runs it against a real Prometheus and Alertmanager.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "support/eventually.hpp"
#include "support/http_client.hpp"
#include "support/metrics_text.hpp"
#include "support/postgres.hpp"
#include "support/server_process.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

constexpr const char* watchdog_payload =
    R"({"version":"4","status":"firing","receiver":"monitor-health","alerts":[)"
    R"({"status":"firing","labels":{"alertname":"Watchdog","severity":"none"}}]})";

/// monitor-health pointed at ports where nothing listens.
std::unique_ptr<ServerProcess> start_monitor(const Environment& extra = {}) {
  const std::string nowhere = "http://127.0.0.1:" + std::to_string(free_port());
  Environment env{{"PORT", "0"},
                  {"TMEIT_MONITOR_PROMETHEUS_URL", nowhere},
                  {"TMEIT_MONITOR_ALERTMANAGER_URL", nowhere},
                  {"TMEIT_MONITOR_LOKI_URL", nowhere},
                  {"TMEIT_MONITOR_GRAFANA_URL", nowhere},
                  {"TMEIT_MONITOR_INTERVAL_MS", "200"},
                  {"TMEIT_MONITOR_TIMEOUT_MS", "500"},
                  {"TMEIT_SHUTDOWN_GRACE_MS", "2000"}};
  for (const auto& [name, value] : extra) env[name] = value;
  return std::make_unique<ServerProcess>(clean_environment(env), 15s,
                                         std::vector<std::string>{"monitor-health"});
}

nlohmann::json health(const ServerProcess& monitor, int expected_status) {
  const auto response = get(monitor.port(), "/health");
  EXPECT_EQ(response.result_int(), expected_status) << response.body();
  return nlohmann::json::parse(response.body());
}

TEST(MonitorHealth, AnswersWith503NamingEveryPartThatIsDown) {
  auto monitor = start_monitor();
  nlohmann::json body;
  ASSERT_TRUE(eventually(
      [&] {
        body = health(*monitor, 503);
        return body.contains("checked_at");
      },
      10s))
      << monitor->output();
  EXPECT_EQ(body["healthy"], false);
  // In the order the checks run: along the path a metric travels to a mail.
  EXPECT_EQ(body["failed"], nlohmann::json::array(
                                {"prometheus_ready", "prometheus_scrapes_app", "alertmanager_ready",
                                 "loki_ready", "loki_has_app_logs", "grafana_health", "watchdog"}));
  EXPECT_NE(body["checks"]["prometheus_ready"]["error"].get<std::string>(), "");
  EXPECT_EQ(body["watchdog"]["error"],
            "no Watchdog notification received since this process started");
}

TEST(MonitorHealth, LeavesOutLokiAndGrafanaWhenTheirUrlsAreEmpty) {
  auto monitor = start_monitor({{"TMEIT_MONITOR_LOKI_URL", ""}, {"TMEIT_MONITOR_GRAFANA_URL", ""}});
  nlohmann::json body;
  ASSERT_TRUE(eventually(
      [&] {
        body = health(*monitor, 503);
        return body.contains("checked_at");
      },
      10s));
  EXPECT_EQ(body["failed"], nlohmann::json::array({"prometheus_ready", "prometheus_scrapes_app",
                                                   "alertmanager_ready", "watchdog"}));
}

TEST(MonitorHealth, TakesTheWatchdogWebhook) {
  auto monitor = start_monitor();
  const auto accepted = fetch(monitor->port(), http::verb::post, "/watchdog",
                              {{"Content-Type", "application/json"}}, watchdog_payload);
  EXPECT_EQ(accepted.result_int(), 200);
  EXPECT_EQ(nlohmann::json::parse(accepted.body())["watchdog"], true);
  const auto body = health(*monitor, 503);
  EXPECT_EQ(body["watchdog"]["ok"], true);
  EXPECT_TRUE(body["watchdog"].contains("received_at"));
}

TEST(MonitorHealth, RefusesABodyThatIsNoWebhook) {
  auto monitor = start_monitor();
  const auto refused = fetch(monitor->port(), http::verb::post, "/watchdog",
                             {{"Content-Type", "application/json"}}, "{\"alerts\": 3}");
  EXPECT_EQ(refused.result_int(), 400);
  EXPECT_EQ(nlohmann::json::parse(refused.body())["error"],
            "expected an Alertmanager webhook payload");
}

TEST(MonitorHealth, ExposesItsChecksAndProcessAsMetrics) {
  auto monitor = start_monitor();
  std::vector<MetricSample> samples;
  ASSERT_TRUE(eventually(
      [&] {
        samples = parse_metrics(get(monitor->port(), "/metrics").body());
        return metric_value(samples, "tmeit_alert_path_check_ok", {{"check", "prometheus_ready"}})
            .has_value();
      },
      10s));
  EXPECT_EQ(metric_value(samples, "tmeit_alert_path_check_ok", {{"check", "prometheus_ready"}}), 0);
  EXPECT_EQ(metric_value(samples, "tmeit_alert_path_healthy"), 0);
  EXPECT_EQ(metric_value(samples, "tmeit_exceptions_total"), 0);
  EXPECT_TRUE(metric_value(samples, "process_resident_memory_bytes").has_value());
}

TEST(MonitorHealth, ExitsZeroOnSigterm) {
  auto monitor = start_monitor();
  monitor->terminate();
  EXPECT_EQ(monitor->wait_exit(10s), 0) << monitor->output();
}

}  // namespace
}  // namespace tmeit::test
