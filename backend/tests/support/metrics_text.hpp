#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::test {

/// One sample of the Prometheus text format: `name{label="value",...} number`.
struct MetricSample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

/// Parses the sample lines of a Prometheus text exposition (comments are skipped); throws on a
/// line that is not a valid sample.
std::vector<MetricSample> parse_metrics(std::string_view text);

/// The value of the first sample named `name` whose labels include all of `labels`.
std::optional<double> metric_value(const std::vector<MetricSample>& samples, std::string_view name,
                                   const std::map<std::string, std::string>& labels = {});

}  // namespace tmeit::test
