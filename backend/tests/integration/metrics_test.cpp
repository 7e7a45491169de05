// GET /metrics: Prometheus text format with request, latency, DB pool, process and build metrics.
#include <gtest/gtest.h>

#include "app/build_info.hpp"
#include "support/eventually.hpp"
#include "support/http_assertions.hpp"
#include "support/metrics_text.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

std::vector<MetricSample> scrape(TestServer& server) {
  auto response = server.get_metrics();
  EXPECT_EQ(response.result_int(), 200);
  return parse_metrics(response.body());
}

TEST(Metrics, UsesPrometheusTextFormat) {
  TestServer server;
  auto response = server.get_metrics();
  ASSERT_EQ(response.result_int(), 200);
  EXPECT_EQ(header(response, "Content-Type").rfind("text/plain; version=0.0.4", 0), 0u)
      << header(response, "Content-Type");
  EXPECT_NO_THROW(parse_metrics(response.body())) << response.body();
  EXPECT_NE(response.body().find("# TYPE http_requests_total counter"), std::string::npos);
  EXPECT_NE(response.body().find("# TYPE http_request_duration_seconds histogram"),
            std::string::npos);
}

TEST(Metrics, AreNotServedOnThePublicPort) {
  TestServer server;
  ASSERT_NE(server.metrics_port(), server.port());
  EXPECT_EQ(server.get("/metrics").result_int(), 404);
  EXPECT_EQ(server.get_metrics().result_int(), 200);
  // Only /metrics there: the API is not reachable through the metrics port either.
  EXPECT_EQ(get(server.metrics_port(), "/api/v1/version").result_int(), 404);
}

TEST(Metrics, CountsRequestsByMethodRouteAndCode) {
  TestServer server;
  for (int i = 0; i < 3; ++i) server.get("/health");
  server.get("/api/v1/nope");
  // A request is counted just after its response is sent: allow a moment.
  std::vector<MetricSample> samples;
  auto counted = [&] {
    samples = scrape(server);
    return metric_value(samples, "http_requests_total",
                        {{"method", "GET"}, {"route", "/health"}, {"code", "200"}}) == 3.0 &&
           metric_value(samples, "http_requests_total",
                        {{"method", "GET"}, {"route", "not_found"}, {"code", "404"}}) == 1.0;
  };
  EXPECT_TRUE(eventually(counted, 2s)) << server.get_metrics().body();
}

TEST(Metrics, HasDurationHistogramByRoute) {
  TestServer server;
  for (int i = 0; i < 2; ++i) server.get("/health");
  std::vector<MetricSample> samples;
  eventually(
      [&] {
        samples = scrape(server);
        return metric_value(samples, "http_request_duration_seconds_count",
                            {{"route", "/health"}}) == 2.0;
      },
      2s);
  auto count = metric_value(samples, "http_request_duration_seconds_count", {{"route", "/health"}});
  auto inf = metric_value(samples, "http_request_duration_seconds_bucket",
                          {{"route", "/health"}, {"le", "+Inf"}});
  auto sum = metric_value(samples, "http_request_duration_seconds_sum", {{"route", "/health"}});
  EXPECT_EQ(count, 2.0);
  EXPECT_EQ(inf, 2.0);
  ASSERT_TRUE(sum);
  EXPECT_GE(*sum, 0.0);
}

TEST(Metrics, ReportsDatabasePool) {
  TestServer server;
  server.get("/ready");  // uses a pooled connection
  auto samples = scrape(server);
  auto in_use = metric_value(samples, "db_pool_connections", {{"state", "in_use"}});
  auto idle = metric_value(samples, "db_pool_connections", {{"state", "idle"}});
  auto waiting = metric_value(samples, "db_pool_waiting");
  ASSERT_TRUE(in_use && idle && waiting);
  EXPECT_GE(*in_use, 0.0);
  EXPECT_GE(*idle, 1.0);  // the connection /ready used went back to the pool
  EXPECT_EQ(*waiting, 0.0);
}

TEST(Metrics, ReportsProcessResources) {
  TestServer server;
  auto samples = scrape(server);
  auto rss = metric_value(samples, "process_resident_memory_bytes");
  auto cpu = metric_value(samples, "process_cpu_seconds_total");
  auto fds = metric_value(samples, "process_open_fds");
  ASSERT_TRUE(rss && cpu && fds);
  EXPECT_GT(*rss, 1e6);
  EXPECT_LT(*rss, 1e9);
  EXPECT_GE(*cpu, 0.0);
  EXPECT_GE(*fds, 3.0);
}

TEST(Metrics, ReportsBuildInfo) {
  TestServer server;
  auto samples = scrape(server);
  EXPECT_EQ(metric_value(samples, "tmeit_build_info", {{"version", app::build_info::version}}),
            1.0);
}

TEST(Metrics, ReportsExceptionsFromZeroAndThePasswordQueue) {
  TestServer server;
  auto samples = scrape(server);
  // Present before the first exception, so an alert sees the first increase.
  EXPECT_EQ(metric_value(samples, "tmeit_exceptions_total"), 0.0);
  EXPECT_EQ(metric_value(samples, "password_queue_jobs"), 0.0);
  auto threads = metric_value(samples, "password_threads");
  ASSERT_TRUE(threads);
  EXPECT_GE(*threads, 1.0);
}

TEST(Metrics, StrangeMethodsAndPathsDoNotGrowTheExposition) {
  TestServer server;
  // Every label set these requests can produce, seen once, so the baseline holds them all.
  const auto odd_request = [&](int i) {
    Connection connection(server.port());
    // A 4 KB method, different each time, on a path no route knows.
    std::string method(4096, static_cast<char>('A' + i % 26));
    method += std::to_string(i);
    connection.write_raw(method + " /made/up/" + std::to_string(i) +
                         " HTTP/1.1\r\nHost: x\r\n\r\n");
    return connection.read_response().result_int();
  };
  odd_request(0);
  server.get("/made/up");
  server.get_metrics();
  const auto before = server.get_metrics().body().size();
  for (int i = 1; i <= 200; ++i) EXPECT_EQ(odd_request(i), 404u);
  const auto metrics = server.get_metrics().body();
  // Counters change value, not number: a few digits more at most.
  EXPECT_LT(metrics.size(), before + 300) << metrics;
  EXPECT_NE(metrics.find(R"(method="other",route="not_found",code="404")"), std::string::npos)
      << metrics;
  EXPECT_EQ(metrics.find("AAAA"), std::string::npos);
}

}  // namespace
}  // namespace tmeit::test
