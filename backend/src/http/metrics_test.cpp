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

TEST(Metrics, FoldsMethodsWeDoNotServeIntoOther) {
  Metrics metrics;
  metrics.observe_request(std::string(4096, 'X'), "/health", 405, 0.001);
  metrics.observe_request("PROPFIND", "/health", 405, 0.001);
  const auto text = metrics.render();
  EXPECT_NE(text.find("http_requests_total{method=\"other\",route=\"/health\",code=\"405\"} 2"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("PROPFIND"), std::string::npos);
}

TEST(Metrics, FoldsRoutesOutsideTheKnownSetIntoOther) {
  Metrics metrics;
  metrics.set_known_routes({"/health", "not_found"});
  metrics.observe_request("GET", "/health", 200, 0.001);
  metrics.observe_request("GET", "/made/up/1", 404, 0.001);
  metrics.observe_request("GET", "/made/up/2", 404, 0.001);
  const auto text = metrics.render();
  EXPECT_NE(text.find("http_requests_total{method=\"GET\",route=\"/health\",code=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("http_requests_total{method=\"GET\",route=\"other\",code=\"404\"} 2"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("/made/up"), std::string::npos);
}

TEST(Metrics, ManyOddRequestsDoNotGrowTheExposition) {
  Metrics metrics;
  metrics.set_known_routes({"method_not_allowed"});
  metrics.observe_request("BREW", "method_not_allowed", 405, 0.001);
  const auto size = metrics.render().size();
  for (int i = 0; i < 1000; ++i) {
    metrics.observe_request("M" + std::to_string(i), "/r/" + std::to_string(i), 405, 0.001);
  }
  // Only the one "other" route joins: no label set per request.
  EXPECT_LT(metrics.render().size(), size + 2000);
}

}  // namespace
}  // namespace tmeit::http
