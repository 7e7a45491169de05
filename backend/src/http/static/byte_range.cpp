#include "http/static/byte_range.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace tmeit::http::static_assets {
namespace {

std::optional<std::uint64_t> parse_number(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

bool starts_with_bytes_unit(std::string_view header) {
  constexpr std::string_view unit = "bytes=";
  if (header.size() < unit.size()) return false;
  return std::equal(unit.begin(), unit.end(), header.begin(), [](char a, char b) {
    return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
  });
}

RangeRequest partial(std::uint64_t first, std::uint64_t last) {
  return {RangeRequest::Kind::partial, first, last};
}

constexpr RangeRequest whole{RangeRequest::Kind::whole};
constexpr RangeRequest unsatisfiable{RangeRequest::Kind::unsatisfiable};

}  // namespace

RangeRequest parse_range(std::string_view header, std::uint64_t size) {
  header = util::trim_spaces(header);
  if (!starts_with_bytes_unit(header)) return whole;
  const std::string_view spec = util::trim_spaces(header.substr(6));
  // One range only: multipart/byteranges answers cost more than they are worth for a SPA.
  if (spec.find(',') != std::string_view::npos) return whole;
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  const std::string_view first_text = spec.substr(0, dash);
  const std::string_view last_text = spec.substr(dash + 1);

  if (first_text.empty()) {
    const auto suffix = parse_number(last_text);
    if (!suffix) return whole;
    if (*suffix == 0 || size == 0) return unsatisfiable;
    return partial(size - std::min(*suffix, size), size - 1);
  }
  const auto first = parse_number(first_text);
  if (!first) return whole;
  std::optional<std::uint64_t> last;
  if (!last_text.empty()) {
    last = parse_number(last_text);
    if (!last || *last < *first) return whole;
  }
  if (*first >= size) return unsatisfiable;
  return partial(*first, last ? std::min(*last, size - 1) : size - 1);
}

}  // namespace tmeit::http::static_assets
