#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace tmeit::http {

/// Request counters and latency histograms, rendered in the Prometheus text format.
/// Thread-safe; labels come from the route table, so their number is bounded.
class Metrics {
 public:
  /// Upper bounds in seconds of the latency histogram buckets.
  static constexpr std::array<double, 12> buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe_request(std::string_view method, std::string_view route, unsigned status,
                       double seconds);

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
  mutable std::mutex mutex_;
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
