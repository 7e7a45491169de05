#include "domain/alert_path.hpp"

#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace tmeit::domain {
namespace {

using nlohmann::json;
using Clock = std::chrono::system_clock;

CheckOutcome failed(std::string name, std::string detail) {
  return {std::move(name), false, std::move(detail)};
}

/// The reply's failure in words, or empty when it is a 200.
std::string transport_problem(const HttpReply& reply) {
  if (!reply.error.empty()) return reply.error;
  if (reply.status != 200) return "HTTP " + std::to_string(reply.status);
  return {};
}

/// data.result of a query answer: [{"metric": {...}, "value": [time, "text"]}, ...].
json query_result(const HttpReply& reply) {
  const json document = json::parse(reply.body);
  if (document.value("status", "") != "success") {
    throw std::invalid_argument("query failed: " + document.value("error", std::string("?")));
  }
  const json& result = document.at("data").at("result");
  if (!result.is_array()) throw std::invalid_argument("the query did not return a vector");
  return result;
}

double sample_value(const json& series) {
  const std::string text = series.at("value").at(1).get<std::string>();
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) throw std::invalid_argument("not a number: " + text);
  return value;
}

std::string rfc3339(Clock::time_point at) {
  const std::time_t t = Clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

long long seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration_cast<std::chrono::seconds>(to - from).count();
}

}  // namespace

CheckOutcome judge_status_200(std::string name, const HttpReply& reply) {
  auto problem = transport_problem(reply);
  if (!problem.empty()) return failed(std::move(name), std::move(problem));
  return {std::move(name), true, {}};
}

CheckOutcome judge_all_series_one(std::string name, const HttpReply& reply) {
  auto problem = transport_problem(reply);
  if (!problem.empty()) return failed(std::move(name), std::move(problem));
  try {
    const json result = query_result(reply);
    if (result.empty()) return failed(std::move(name), "no series: nothing is being scraped");
    std::size_t down = 0;
    for (const auto& series : result) {
      if (sample_value(series) != 1.0) ++down;
    }
    if (down > 0) {
      return failed(std::move(name), std::to_string(down) + " of " + std::to_string(result.size()) +
                                         " targets down");
    }
    return {std::move(name), true, {}};
  } catch (const std::exception& error) {
    return failed(std::move(name), std::string("unreadable answer: ") + error.what());
  }
}

CheckOutcome judge_sum_positive(std::string name, const HttpReply& reply) {
  auto problem = transport_problem(reply);
  if (!problem.empty()) return failed(std::move(name), std::move(problem));
  try {
    double sum = 0;
    for (const auto& series : query_result(reply)) sum += sample_value(series);
    if (sum <= 0) return failed(std::move(name), "the query counted nothing");
    return {std::move(name), true, {}};
  } catch (const std::exception& error) {
    return failed(std::move(name), std::string("unreadable answer: ") + error.what());
  }
}

bool is_watchdog_notification(std::string_view body) {
  const json payload = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!payload.is_object() || !payload.contains("alerts") || !payload["alerts"].is_array()) {
    throw std::invalid_argument("not an Alertmanager webhook payload");
  }
  for (const auto& alert : payload["alerts"]) {
    if (!alert.is_object() || alert.value("status", "") != "firing") continue;
    const auto labels = alert.find("labels");
    if (labels != alert.end() && labels->is_object() &&
        labels->value("alertname", "") == "Watchdog") {
      return true;
    }
  }
  return false;
}

AlertPathHealth assess_alert_path(const std::vector<CheckOutcome>& checks,
                                  std::optional<Clock::time_point> checked_at,
                                  std::optional<Clock::time_point> watchdog_at,
                                  Clock::time_point now, AlertPathLimits limits) {
  json failed_parts = json::array();
  json details = json::object();
  for (const auto& check : checks) {
    details[check.name] =
        check.ok ? json{{"ok", true}} : json{{"ok", false}, {"error", check.detail}};
    if (!check.ok) failed_parts.push_back(check.name);
  }
  json body{{"checks", details}};
  if (!checked_at) {
    failed_parts.push_back("checks");
    body["checks_error"] = "the first round of checks has not finished";
  } else {
    body["checked_at"] = rfc3339(*checked_at);
    if (now - *checked_at > limits.checks_max_age) {
      failed_parts.push_back("checks");
      body["checks_error"] =
          "the last round finished " + std::to_string(seconds_between(*checked_at, now)) + " s ago";
    }
  }
  json watchdog{
      {"max_age_seconds",
       std::chrono::duration_cast<std::chrono::seconds>(limits.watchdog_max_age).count()}};
  if (!watchdog_at) {
    watchdog["ok"] = false;
    watchdog["error"] = "no Watchdog notification received since this process started";
  } else {
    watchdog["received_at"] = rfc3339(*watchdog_at);
    watchdog["ok"] = now - *watchdog_at <= limits.watchdog_max_age;
    if (!watchdog["ok"].get<bool>()) {
      watchdog["error"] = "the last Watchdog notification is " +
                          std::to_string(seconds_between(*watchdog_at, now)) + " s old";
    }
  }
  if (!watchdog["ok"].get<bool>()) failed_parts.push_back("watchdog");
  body["watchdog"] = std::move(watchdog);
  const bool healthy = failed_parts.empty();
  body["failed"] = std::move(failed_parts);
  body["healthy"] = healthy;
  return {healthy, std::move(body)};
}

}  // namespace tmeit::domain
