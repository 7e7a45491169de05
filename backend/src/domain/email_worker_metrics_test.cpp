#include "domain/email_worker_metrics.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tmeit::domain {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(EmailWorkerMetrics, CountsEachOutcome) {
  EmailWorkerMetrics metrics;
  metrics.observe(EmailWorkerMetrics::Outcome::sent, 0.2);
  metrics.observe(EmailWorkerMetrics::Outcome::sent, 0.3);
  metrics.observe(EmailWorkerMetrics::Outcome::retried, 12);
  metrics.observe(EmailWorkerMetrics::Outcome::failed, 0);
  std::string out;
  metrics.render(out);
  EXPECT_TRUE(has_line(out, "email_jobs_sent_total 2")) << out;
  EXPECT_TRUE(has_line(out, "email_jobs_retried_total 1")) << out;
  EXPECT_TRUE(has_line(out, "email_jobs_failed_total 1")) << out;
  EXPECT_TRUE(has_line(out, "# TYPE email_send_duration_seconds histogram")) << out;
  EXPECT_TRUE(has_line(out, "email_send_duration_seconds_bucket{le=\"0.25\"} 2")) << out;
  EXPECT_TRUE(has_line(out, "email_send_duration_seconds_bucket{le=\"10\"} 3")) << out;
  EXPECT_TRUE(has_line(out, "email_send_duration_seconds_bucket{le=\"+Inf\"} 4")) << out;
  EXPECT_TRUE(has_line(out, "email_send_duration_seconds_count 4")) << out;
  EXPECT_TRUE(has_line(out, "email_send_duration_seconds_sum 12.500000")) << out;
}

TEST(EmailWorkerMetrics, QueueDepthIsAGaugeByStatus) {
  std::string out;
  render_queue_depth(out, {{"failed", 1}, {"pending", 3}, {"sent", 7}});
  EXPECT_TRUE(has_line(out, "# TYPE email_jobs gauge")) << out;
  EXPECT_TRUE(has_line(out, "email_jobs{status=\"pending\"} 3")) << out;
  EXPECT_TRUE(has_line(out, "email_jobs{status=\"failed\"} 1")) << out;
}

TEST(EmailWorkerMetrics, OldestPendingAgeIsAGaugeInSeconds) {
  std::string out;
  render_oldest_pending(out, 1234);
  EXPECT_TRUE(has_line(out, "# TYPE email_jobs_oldest_pending_age_seconds gauge")) << out;
  EXPECT_TRUE(has_line(out, "email_jobs_oldest_pending_age_seconds 1234")) << out;
}

}  // namespace
}  // namespace tmeit::domain
