#include "support/metrics_text.hpp"

#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace tmeit::test {
namespace {

[[noreturn]] void bad_line(std::string_view line) {
  throw std::runtime_error("not a Prometheus sample line: " + std::string(line));
}

/// Parses `{a="x",b="y"}` starting at `pos` (just after the brace) and moves past the closing one.
std::map<std::string, std::string> parse_labels(std::string_view line, std::size_t& pos) {
  std::map<std::string, std::string> labels;
  while (pos < line.size() && line[pos] != '}') {
    auto equals = line.find('=', pos);
    if (equals == std::string_view::npos || equals + 1 >= line.size() || line[equals + 1] != '"') {
      bad_line(line);
    }
    std::string name(line.substr(pos, equals - pos));
    std::string value;
    pos = equals + 2;
    for (; pos < line.size() && line[pos] != '"'; ++pos) {
      if (line[pos] == '\\' && pos + 1 < line.size()) {
        ++pos;
        value += line[pos] == 'n' ? '\n' : line[pos];
      } else {
        value += line[pos];
      }
    }
    if (pos >= line.size()) bad_line(line);
    labels[name] = value;
    ++pos;  // closing quote
    if (pos < line.size() && line[pos] == ',') ++pos;
  }
  if (pos >= line.size()) bad_line(line);
  ++pos;  // closing brace
  return labels;
}

}  // namespace

std::vector<MetricSample> parse_metrics(std::string_view text) {
  std::vector<MetricSample> samples;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    MetricSample sample;
    std::size_t pos = 0;
    while (pos < line.size() && (std::isalnum(static_cast<unsigned char>(line[pos])) ||
                                 line[pos] == '_' || line[pos] == ':')) {
      ++pos;
    }
    sample.name = line.substr(0, pos);
    if (sample.name.empty()) bad_line(line);
    if (pos < line.size() && line[pos] == '{') {
      ++pos;
      sample.labels = parse_labels(line, pos);
    }
    if (pos >= line.size() || line[pos] != ' ') bad_line(line);
    std::string number(line.substr(pos + 1));
    if (auto space = number.find(' '); space != std::string::npos) number.resize(space);
    char* parsed_end = nullptr;
    sample.value = std::strtod(number.c_str(), &parsed_end);
    if (number.empty() || *parsed_end != '\0') bad_line(line);
    samples.push_back(std::move(sample));
  }
  return samples;
}

std::optional<double> metric_value(const std::vector<MetricSample>& samples, std::string_view name,
                                   const std::map<std::string, std::string>& labels) {
  for (const auto& sample : samples) {
    if (sample.name != name) continue;
    bool all = true;
    for (const auto& [key, value] : labels) {
      auto it = sample.labels.find(key);
      all = all && it != sample.labels.end() && it->second == value;
    }
    if (all) return sample.value;
  }
  return std::nullopt;
}

}  // namespace tmeit::test
