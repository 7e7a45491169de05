#include "domain/backup_keys.hpp"

#include <charconv>
#include <cstdio>

namespace tmeit::domain::backup_keys {
namespace {

using namespace std::chrono;

/// Reads exactly `width` digits at `text[at]`.
bool read_digits(std::string_view text, std::size_t at, std::size_t width, int& out) {
  if (at + width > text.size()) return false;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::from_chars(text.data() + at, text.data() + at + width, out);
  return true;
}

/// A valid calendar date and time of day, as a point in time.
std::optional<Seconds> make_time(int y, int mo, int d, int h, int mi, int s) {
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  return sys_days{date} + hours{h} + minutes{mi} + seconds{s};
}

/// Parses the "YYYYMMDDTHHMMSSZ" stamp of a key.
std::optional<Seconds> parse_stamp(std::string_view stamp) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (stamp.size() != 16 || stamp[8] != 'T' || stamp[15] != 'Z') return std::nullopt;
  if (!read_digits(stamp, 0, 4, y) || !read_digits(stamp, 4, 2, mo) ||
      !read_digits(stamp, 6, 2, d) || !read_digits(stamp, 9, 2, h) ||
      !read_digits(stamp, 11, 2, mi) || !read_digits(stamp, 13, 2, s)) {
    return std::nullopt;
  }
  return make_time(y, mo, d, h, mi, s);
}

}  // namespace

std::string backup_key(Seconds taken) {
  const auto day_point = floor<days>(taken);
  const year_month_day date{day_point};
  const hh_mm_ss time{taken - day_point};
  char text[96];
  const int y = static_cast<int>(date.year());
  const unsigned mo = static_cast<unsigned>(date.month());
  const unsigned d = static_cast<unsigned>(date.day());
  std::snprintf(text, sizeof text,
                "backups/%04d/%02u/%02u/tmeit-%04d%02u%02uT%02d%02d%02dZ.dump.age", y, mo, d, y, mo,
                d, static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::optional<Seconds> parse_backup_key(std::string_view key) {
  // backups/YYYY/MM/DD/tmeit-YYYYMMDDTHHMMSSZ.dump.age
  constexpr std::string_view head = "tmeit-";
  constexpr std::string_view tail = ".dump.age";
  if (key.size() != prefix.size() + 11 + head.size() + 16 + tail.size()) return std::nullopt;
  if (!key.starts_with(prefix) || !key.ends_with(tail)) return std::nullopt;
  const std::string_view folders = key.substr(prefix.size(), 11);  // "YYYY/MM/DD/"
  const std::string_view file = key.substr(prefix.size() + 11);
  if (!file.starts_with(head) || folders[4] != '/' || folders[7] != '/' || folders[10] != '/') {
    return std::nullopt;
  }
  const std::string_view stamp = file.substr(head.size(), 16);
  // The folders must name the stamp's own day.
  if (folders.substr(0, 4) != stamp.substr(0, 4) || folders.substr(5, 2) != stamp.substr(4, 2) ||
      folders.substr(8, 2) != stamp.substr(6, 2)) {
    return std::nullopt;
  }
  return parse_stamp(stamp);
}

std::string format_time(Seconds time) {
  const auto day_point = floor<days>(time);
  const year_month_day date{day_point};
  const hh_mm_ss clock{time - day_point};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

std::optional<Seconds> parse_time(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, mo) || !read_digits(text, 8, 2, d) ||
      !read_digits(text, 11, 2, h) || !read_digits(text, 14, 2, mi) ||
      !read_digits(text, 17, 2, s)) {
    return std::nullopt;
  }
  return make_time(y, mo, d, h, mi, s);
}

}  // namespace tmeit::domain::backup_keys
