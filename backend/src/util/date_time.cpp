#include "util/date_time.hpp"

#include <charconv>
#include <string>

namespace tmeit::util {
namespace {

/// The number in text[pos, pos+digits), or -1 when those are not all digits.
int number_at(std::string_view text, std::size_t pos, std::size_t digits) {
  if (pos + digits > text.size()) return -1;
  int value = 0;
  const auto* begin = text.data() + pos;
  const auto [end, ec] = std::from_chars(begin, begin + digits, value);
  return ec == std::errc() && end == begin + digits ? value : -1;
}

}  // namespace

bool is_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const int year = number_at(text, 0, 4);
  const int month = number_at(text, 5, 2);
  const int day = number_at(text, 8, 2);
  // Year 0 is 1 BC to PostgreSQL (an error for a date); four digits stop at 9999.
  if (year < 1 || month < 0 || day < 0) return false;
  return std::chrono::year_month_day(std::chrono::year(year),
                                     std::chrono::month(static_cast<unsigned>(month)),
                                     std::chrono::day(static_cast<unsigned>(day)))
      .ok();
}

bool is_date_time(std::string_view text) {
  if (text.size() < 20 || !is_date(text.substr(0, 10))) return false;
  if (text[10] != 'T' && text[10] != 't') return false;
  if (text[13] != ':' || text[16] != ':') return false;
  const int hour = number_at(text, 11, 2);
  const int minute = number_at(text, 14, 2);
  const int second = number_at(text, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return false;
  }
  std::size_t pos = 19;
  if (text[pos] == '.') {
    const auto digits_start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start || pos - digits_start > 6) return false;
  }
  const auto zone = text.substr(pos);
  if (zone == "Z" || zone == "z") return true;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return false;
  const int zone_hours = number_at(zone, 1, 2);
  const int zone_minutes = number_at(zone, 4, 2);
  // PostgreSQL takes offsets up to 15:59 (no zone on earth is further from UTC than 14:00).
  return zone_hours >= 0 && zone_hours <= 15 && zone_minutes >= 0 && zone_minutes <= 59;
}

std::optional<std::chrono::sys_time<std::chrono::microseconds>> parse_date_time(
    std::string_view text) {
  using namespace std::chrono;
  if (!is_date_time(text)) return std::nullopt;
  const year_month_day day{year(number_at(text, 0, 4)),
                           month(static_cast<unsigned>(number_at(text, 5, 2))),
                           std::chrono::day(static_cast<unsigned>(number_at(text, 8, 2)))};
  auto time = sys_time<microseconds>(sys_days(day)) + hours(number_at(text, 11, 2)) +
              minutes(number_at(text, 14, 2)) + seconds(number_at(text, 17, 2));
  std::size_t pos = 19;
  if (text[pos] == '.') {
    const auto start = ++pos;
    while (text[pos] >= '0' && text[pos] <= '9') ++pos;
    auto digits = std::string(text.substr(start, pos - start));
    digits.resize(6, '0');
    time += microseconds(std::stoi(digits));
  }
  const auto zone = text.substr(pos);
  if (zone.size() == 6) {
    const auto offset = hours(number_at(zone, 1, 2)) + minutes(number_at(zone, 4, 2));
    time += zone[0] == '+' ? -offset : offset;
  }
  return time;
}

bool is_storable_date_time(std::string_view text) {
  using namespace std::chrono;
  const auto time = parse_date_time(text);
  // What the API writes back is a UTC time with a four-digit year.
  return time && *time >= sys_days(year(1) / January / 1) &&
         *time < sys_days(year(10000) / January / 1);
}

}  // namespace tmeit::util
