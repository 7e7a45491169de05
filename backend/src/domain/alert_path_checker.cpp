#include "domain/alert_path_checker.hpp"

#include <cctype>

namespace tmeit::domain {
namespace {

using Clock = std::chrono::system_clock;

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

/// Percent-encodes a query parameter value (RFC 3986: only unreserved characters stay).
std::string url_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace

AlertPathChecker::AlertPathChecker(AlertPathTargets targets, Fetch fetch,
                                   std::chrono::milliseconds interval,
                                   std::chrono::milliseconds timeout, AlertPathLimits limits,
                                   const app::Logger& logger)
    : targets_(std::move(targets)),
      fetch_(std::move(fetch)),
      interval_(interval),
      timeout_(timeout),
      limits_(limits),
      logger_(logger) {
  for (auto* url : {&targets_.prometheus_url, &targets_.alertmanager_url, &targets_.loki_url,
                    &targets_.grafana_url}) {
    *url = without_trailing_slash(*url);
  }
}

AlertPathChecker::~AlertPathChecker() {
  stop();
}

void AlertPathChecker::start() {
  thread_ = std::thread([this] { loop(); });
}

void AlertPathChecker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::vector<CheckOutcome> AlertPathChecker::run_checks() const {
  const auto get = [this](const std::string& url) { return fetch_(url, timeout_); };
  const auto& t = targets_;
  std::vector<CheckOutcome> outcomes;
  outcomes.push_back(judge_status_200("prometheus_ready", get(t.prometheus_url + "/-/ready")));
  outcomes.push_back(judge_all_series_one(
      "prometheus_scrapes_app",
      get(t.prometheus_url + "/api/v1/query?query=" + url_encode(t.app_up_query))));
  outcomes.push_back(judge_status_200("alertmanager_ready", get(t.alertmanager_url + "/-/ready")));
  if (!t.loki_url.empty()) {
    outcomes.push_back(judge_status_200("loki_ready", get(t.loki_url + "/ready")));
    outcomes.push_back(judge_sum_positive(
        "loki_has_app_logs",
        get(t.loki_url + "/loki/api/v1/query?query=" + url_encode(t.loki_query))));
  }
  if (!t.grafana_url.empty()) {
    outcomes.push_back(judge_status_200("grafana_health", get(t.grafana_url + "/api/health")));
  }
  return outcomes;
}

void AlertPathChecker::check_once() {
  auto outcomes = run_checks();
  std::vector<std::string> newly_failed;
  {
    std::lock_guard lock(mutex_);
    for (const auto& outcome : outcomes) {
      bool failed_before = false;
      for (const auto& previous : outcomes_) {
        if (previous.name == outcome.name) failed_before = !previous.ok;
      }
      if (!outcome.ok && !failed_before) newly_failed.push_back(outcome.name);
    }
    outcomes_ = std::move(outcomes);
    checked_at_ = Clock::now();
  }
  // Once per failure, not every round: the /health answer carries the details meanwhile.
  for (const auto& name : newly_failed) logger_.warn("alert path check failed", {{"check", name}});
}

void AlertPathChecker::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      check_once();
    } catch (const std::exception& error) {
      logger_.exception("alert path checks failed", {{"error", error.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

void AlertPathChecker::record_watchdog() {
  std::lock_guard lock(mutex_);
  watchdog_at_ = Clock::now();
}

AlertPathHealth AlertPathChecker::health() const {
  std::lock_guard lock(mutex_);
  return assess_alert_path(outcomes_, checked_at_, watchdog_at_, Clock::now(), limits_);
}

std::vector<CheckOutcome> AlertPathChecker::last_outcomes() const {
  std::lock_guard lock(mutex_);
  return outcomes_;
}

}  // namespace tmeit::domain
