#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace tmeit::http {
namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

/// Matches one compiled pattern; fills params on success.
bool match_segments(const std::vector<std::string>& pattern,
                    const std::vector<std::string_view>& path, PathParams& params) {
  if (pattern.size() != path.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (path[i].empty()) return false;
      found.emplace(pattern[i].substr(1, pattern[i].size() - 2), std::string(path[i]));
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

std::string_view target_path(std::string_view target) {
  return target.substr(0, target.find('?'));
}

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  for (const auto& route : routes_) {
    if (route.path.empty() || route.path.front() != '/') {
      throw std::invalid_argument("route path must start with '/': " + route.path);
    }
    Compiled compiled;
    for (auto segment : split_segments(route.path)) compiled.segments.emplace_back(segment);
    compiled_.push_back(std::move(compiled));
  }
}

RouteMatch Router::match(bhttp::verb method, std::string_view path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  const auto segments = split_segments(path);
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    PathParams params;
    if (!match_segments(compiled_[i].segments, segments, params)) continue;
    // HEAD is answered by every GET route, as HTTP requires.
    const bool method_ok = routes_[i].method == method ||
                           (method == bhttp::verb::head && routes_[i].method == bhttp::verb::get);
    if (method_ok) {
      result.route = &routes_[i];
      result.params = std::move(params);
      result.allowed.clear();
      return result;
    }
    result.allowed.push_back(routes_[i].method);
    if (routes_[i].method == bhttp::verb::get) result.allowed.push_back(bhttp::verb::head);
  }
  return result;
}

}  // namespace tmeit::http
