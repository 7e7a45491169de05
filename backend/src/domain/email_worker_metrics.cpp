#include "domain/email_worker_metrics.hpp"

#include <cstdio>

namespace tmeit::domain {
namespace {

void counter(std::string& out, const char* name, const char* help, std::uint64_t value) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n";
  out += std::string(name) + " " + std::to_string(value) + "\n";
}

}  // namespace

void EmailWorkerMetrics::observe(Outcome outcome, double seconds) {
  std::lock_guard lock(mutex_);
  switch (outcome) {
    case Outcome::sent:
      ++sent_;
      break;
    case Outcome::retried:
      ++retried_;
      break;
    case Outcome::failed:
      ++failed_;
      break;
  }
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    if (seconds <= buckets[i]) ++bucket_counts_[i];
  }
  ++attempts_;
  seconds_sum_ += seconds;
}

void EmailWorkerMetrics::render(std::string& out) const {
  std::lock_guard lock(mutex_);
  counter(out, "email_jobs_sent_total", "Mails the SMTP server accepted.", sent_);
  counter(out, "email_jobs_retried_total", "Failed attempts that were scheduled again.", retried_);
  counter(out, "email_jobs_failed_total", "Mails given up after the last attempt.", failed_);
  out +=
      "# HELP email_send_duration_seconds Time of one SMTP attempt, success or not.\n"
      "# TYPE email_send_duration_seconds histogram\n";
  char number[64];
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    std::snprintf(number, sizeof number, "%g", buckets[i]);
    out += std::string("email_send_duration_seconds_bucket{le=\"") + number + "\"} " +
           std::to_string(bucket_counts_[i]) + "\n";
  }
  out += "email_send_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(attempts_) + "\n";
  std::snprintf(number, sizeof number, "%.6f", seconds_sum_);
  out += std::string("email_send_duration_seconds_sum ") + number + "\n";
  out += "email_send_duration_seconds_count " + std::to_string(attempts_) + "\n";
}

void render_queue_depth(std::string& out, const std::map<std::string, std::int64_t>& counts) {
  out += "# HELP email_jobs Mails in the queue table by status, read at scrape time.\n";
  out += "# TYPE email_jobs gauge\n";
  for (const auto& [status, count] : counts) {
    out += "email_jobs{status=\"" + status + "\"} " + std::to_string(count) + "\n";
  }
}

void render_oldest_pending(std::string& out, std::int64_t seconds) {
  out +=
      "# HELP email_jobs_oldest_pending_age_seconds Age of the oldest mail still waiting to be "
      "sent, read at scrape time.\n"
      "# TYPE email_jobs_oldest_pending_age_seconds gauge\n";
  out += "email_jobs_oldest_pending_age_seconds " + std::to_string(seconds) + "\n";
}

}  // namespace tmeit::domain
