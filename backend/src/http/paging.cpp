#include "http/paging.hpp"

#include "http/errors.hpp"

#include <charconv>
#include <limits>
#include <optional>

namespace tmeit::http {
namespace {

constexpr int max_limit = 500;

/// The whole number `text` names, when it is one within [min, max].
std::optional<int> integer_in(std::string_view text, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

}  // namespace

void for_each_query_parameter(
    std::string_view target, const std::function<void(std::string_view, std::string_view)>& visit) {
  const auto question = target.find('?');
  auto rest = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    visit(pair.substr(0, eq),
          eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
  }
}

bool read_page_parameter(std::string_view name, std::string_view value, Page& page) {
  if (name == "limit") {
    const auto limit = integer_in(value, 1, max_limit);
    if (!limit) throw invalid_field("limit", "must be a whole number from 1 to 500", "query");
    page.limit = *limit;
    return true;
  }
  if (name == "offset") {
    const auto offset = integer_in(value, 0, std::numeric_limits<int>::max());
    if (!offset) throw invalid_field("offset", "must be a whole number, 0 or more", "query");
    page.offset = *offset;
    return true;
  }
  return false;
}

Page page_of(std::string_view target) {
  Page page;
  for_each_query_parameter(target, [&page](std::string_view name, std::string_view value) {
    read_page_parameter(name, value, page);
  });
  return page;
}

}  // namespace tmeit::http
