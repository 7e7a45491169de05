#include "http/metrics.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace tmeit::http {

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void append_family(std::string& out, std::string_view name, std::string_view type,
                   std::string_view help, std::string_view samples) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
  out.append(samples);
}

std::string sample(std::string_view name_and_labels, std::string_view value) {
  std::string line(name_and_labels);
  line.append(" ").append(value).append("\n");
  return line;
}

namespace {

constexpr std::array<std::string_view, 7> served_methods = {"GET",   "HEAD",   "POST",   "PUT",
                                                            "PATCH", "DELETE", "OPTIONS"};

std::string_view method_label(std::string_view method) {
  const bool known =
      std::find(served_methods.begin(), served_methods.end(), method) != served_methods.end();
  return known ? method : Metrics::other;
}

}  // namespace

void Metrics::set_known_routes(const std::vector<std::string>& routes) {
  std::lock_guard lock(mutex_);
  known_routes_.insert(routes.begin(), routes.end());
}

std::string_view Metrics::route_label(std::string_view route) const {
  if (known_routes_.empty() || known_routes_.contains(route)) return route;
  return other;
}

void Metrics::observe_request(std::string_view method, std::string_view route, unsigned status,
                              double seconds) {
  method = method_label(method);
  std::lock_guard lock(mutex_);
  // Look up with views; strings are only made for a label set never seen before. Only known
  // routes (and "other") are ever stored, so a route found here needs no further check.
  auto counter = requests_.find(std::make_tuple(method, route, status));
  if (counter == requests_.end()) {
    route = route_label(route);
    counter = requests_.find(std::make_tuple(method, route, status));
  }
  if (counter == requests_.end()) {
    counter = requests_.emplace(std::make_tuple(std::string(method), std::string(route), status), 0)
                  .first;
  }
  ++counter->second;
  auto it = durations_.find(route);
  if (it == durations_.end()) it = durations_.emplace(std::string(route), Histogram{}).first;
  Histogram& histogram = it->second;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    if (seconds <= buckets[i]) ++histogram.counts[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::add_collector(Collector collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render() const {
  std::string out;
  char number[64];
  std::lock_guard lock(mutex_);
  out += "# HELP http_requests_total HTTP requests answered, by method, route and status code.\n";
  out += "# TYPE http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, code] = key;
    out += "http_requests_total{method=\"" + escape_label(method) + "\",route=\"" +
           escape_label(route) + "\",code=\"" + std::to_string(code) + "\"} " +
           std::to_string(count) + "\n";
  }
  out += "# HELP http_request_duration_seconds Time from a complete request to its response.\n";
  out += "# TYPE http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    const std::string label = "route=\"" + escape_label(route) + "\"";
    for (std::size_t i = 0; i < buckets.size(); ++i) {
      std::snprintf(number, sizeof number, "%g", buckets[i]);
      out += "http_request_duration_seconds_bucket{" + label + ",le=\"" + number + "\"} " +
             std::to_string(histogram.counts[i]) + "\n";
    }
    out += "http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    std::snprintf(number, sizeof number, "%.6f", histogram.sum);
    out += "http_request_duration_seconds_sum{" + label + "} " + number + "\n";
    out += "http_request_duration_seconds_count{" + label + "} " + std::to_string(histogram.count) +
           "\n";
  }
  for (const auto& collect : collectors_) collect(out);
  return out;
}

}  // namespace tmeit::http
