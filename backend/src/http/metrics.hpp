#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace tmeit::http {

/// Request counters and latency histograms, rendered in the Prometheus text format.
/// Thread-safe. Label values come from fixed sets only, whatever clients send: methods outside
/// the HTTP methods we serve and routes outside known_routes are counted as "other", so
/// /metrics cannot grow without bound.
class Metrics {
 public:
  /// The label of every method and route outside the fixed sets.
  static constexpr std::string_view other = "other";
  /// Upper bounds in seconds of the latency histogram buckets.
  static constexpr std::array<double, 12> buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe_request(std::string_view method, std::string_view route, unsigned status,
                       double seconds);

  /// The route labels to keep (the dispatcher's known_routes()); until set, every route is kept.
  void set_known_routes(const std::vector<std::string>& routes);

  /// Adds more metric families at render time (DB pool, process, build info).
  using Collector = std::function<void(std::string& out)>;
  void add_collector(Collector collector);

  /// The whole exposition, text format version 0.0.4.
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, buckets.size()> counts{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  std::string_view route_label(std::string_view route) const;

  mutable std::mutex mutex_;
  std::set<std::string, std::less<>> known_routes_;
  std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> durations_;
  std::vector<Collector> collectors_;
};

/// Escapes a label value for the Prometheus text format.
std::string escape_label(std::string_view value);

/// Appends one metric family to `out`: its HELP and TYPE lines, then `samples` (whole lines).
void append_family(std::string& out, std::string_view name, std::string_view type,
                   std::string_view help, std::string_view samples);

/// One sample line: `name_and_labels value`.
std::string sample(std::string_view name_and_labels, std::string_view value);

}  // namespace tmeit::http
