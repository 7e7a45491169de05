#include "domain/fields.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace tmeit::domain {
namespace {

/// The number in text[pos, pos+digits), or -1 when those are not all digits.
int number_at(std::string_view text, std::size_t pos, std::size_t digits) {
  if (pos + digits > text.size()) return -1;
  int value = 0;
  const auto* begin = text.data() + pos;
  const auto [end, ec] = std::from_chars(begin, begin + digits, value);
  return ec == std::errc() && end == begin + digits ? value : -1;
}

bool has_control_characters(std::string_view text, bool allow_newlines) {
  return std::any_of(text.begin(), text.end(), [allow_newlines](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7F;
  });
}

/// Length in characters (UTF-8 code points), which is what people mean by "100 characters".
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::optional<std::string> text_problem(const FieldSpec& spec, std::string_view text) {
  const auto length = characters(text);
  if (length < spec.min_length) {
    return spec.min_length == 1
               ? std::string("must not be empty")
               : "must be at least " + std::to_string(spec.min_length) + " characters";
  }
  if (spec.max_length != 0 && length > spec.max_length) {
    return "must be at most " + std::to_string(spec.max_length) + " characters";
  }
  if (has_control_characters(text, spec.type == FieldType::text)) {
    return std::string("must not contain control characters");
  }
  if (spec.type == FieldType::line && !text.empty() && is_blank(text)) {
    return std::string("must not be only spaces");
  }
  return std::nullopt;
}

std::string choices_text(std::span<const std::string_view> choices) {
  std::string out;
  for (const auto choice : choices) {
    if (!out.empty()) out += ", ";
    out += choice;
  }
  return out;
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

bool is_email(std::string_view text) {
  const auto at = text.find('@');
  if (text.size() < 3 || text.size() > 254 || at == std::string_view::npos || at == 0 || at > 64 ||
      at + 1 == text.size() || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  // Unquoted RFC 5321 addresses in ASCII: what our mailer can put in RCPT TO and a To header.
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7F &&
           std::string_view("<>()[]\\,;:\"").find(c) == std::string_view::npos;
  });
  const auto local = text.substr(0, at);
  const auto domain = text.substr(at + 1);
  return plain && text.find("..") == std::string_view::npos && local.front() != '.' &&
         local.back() != '.' && domain.front() != '.' && domain.back() != '.' &&
         domain.front() != '-';
}

bool is_blank(std::string_view text) {
  // ASCII white space and the Unicode space separators and invisible spaces, in UTF-8.
  constexpr std::string_view spaces[] = {
      " ",      "\t",     "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
      "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u200B", "\u200C", "\u200D",
      "\u2028", "\u2029", "\u202F", "\u205F", "\u2060", "\u3000", "\uFEFF"};
  while (!text.empty()) {
    const auto* space = std::find_if(std::begin(spaces), std::end(spaces),
                                     [text](std::string_view s) { return text.starts_with(s); });
    if (space == std::end(spaces)) return false;
    text.remove_prefix(space->size());
  }
  return true;
}

std::optional<std::string> field_problem(const FieldSpec& spec, const nlohmann::json& value) {
  if (value.is_null()) {
    return spec.nullable ? std::nullopt : std::optional<std::string>("must not be null");
  }
  if (spec.type == FieldType::boolean) {
    return value.is_boolean() ? std::nullopt : std::optional<std::string>("must be a boolean");
  }
  if (!value.is_string()) return std::string("must be a string");
  const auto& text = value.get_ref<const std::string&>();
  switch (spec.type) {
    case FieldType::line:
    case FieldType::text:
      return text_problem(spec, text);
    case FieldType::email:
      if (is_email(text)) return std::nullopt;
      if (std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; })) {
        return std::string(
            "must be an email address in plain ASCII: we cannot send mail to addresses with other "
            "letters (write an international domain in its xn-- form)");
      }
      return std::string("must be an email address");
    case FieldType::date:
      if (is_date(text)) return std::nullopt;
      return std::string("must be a date like 2026-11-26, from the year 1 on");
    case FieldType::date_time:
      if (!is_date_time(text)) {
        return std::string(
            "must be an RFC 3339 date-time like 2026-11-26T18:00:00Z (UTC offsets up to 15:59)");
      }
      if (is_storable_date_time(text)) return std::nullopt;
      return std::string("must lie between the years 1 and 9999 in UTC");
    case FieldType::choice:
      if (std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end()) {
        return std::nullopt;
      }
      return "must be one of: " + choices_text(spec.choices);
    case FieldType::boolean:
      break;
  }
  return std::nullopt;
}

nlohmann::json field_schema(const FieldSpec& spec) {
  nlohmann::json schema;
  switch (spec.type) {
    case FieldType::boolean:
      schema = {{"type", "boolean"}};
      break;
    case FieldType::line:
    case FieldType::text:
      schema = {{"type", "string"}};
      if (spec.min_length != 0) schema["minLength"] = spec.min_length;
      if (spec.max_length != 0) schema["maxLength"] = spec.max_length;
      break;
    case FieldType::email:
      schema = {{"type", "string"}, {"format", "email"}, {"maxLength", 254}};
      break;
    case FieldType::date:
      schema = {{"type", "string"}, {"format", "date"}};
      break;
    case FieldType::date_time:
      schema = {{"type", "string"}, {"format", "date-time"}};
      break;
    case FieldType::choice:
      schema = {{"type", "string"},
                {"enum", std::vector<std::string>(spec.choices.begin(), spec.choices.end())}};
      break;
  }
  if (spec.nullable) schema["nullable"] = true;
  if (!spec.description.empty()) schema["description"] = spec.description;
  return schema;
}

}  // namespace tmeit::domain
