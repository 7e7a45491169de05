#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

TEST(Metrics, CountsRequestsByMethodRouteAndCode) {
  Metrics metrics;
  metrics.observe_request("GET", "/health", 200, 0.001);
  metrics.observe_request("GET", "/health", 200, 0.002);
  const auto text = metrics.render();
  EXPECT_NE(text.find("http_requests_total{method=\"GET\",route=\"/health\",code=\"200\"} 2"),
            std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics metrics;
  metrics.observe_request("GET", "/x", 200, 0.0004);
  metrics.observe_request("GET", "/x", 200, 0.3);
  const auto text = metrics.render();
  EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/x\",le=\"0.0005\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("http_request_duration_seconds_bucket{route=\"/x\",le=\"0.5\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("http_request_duration_seconds_count{route=\"/x\"} 2"), std::string::npos);
}

TEST(Metrics, LabelValuesAreEscaped) {
  EXPECT_EQ(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

TEST(Metrics, CollectorsAppendTheirFamilies) {
  Metrics metrics;
  metrics.add_collector([](std::string& out) { out += "extra_metric 1\n"; });
  EXPECT_NE(metrics.render().find("extra_metric 1\n"), std::string::npos);
}

}  // namespace
}  // namespace tmeit::http
