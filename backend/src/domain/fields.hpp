#pragma once

#include "util/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::domain {

/// The kinds of value our JSON fields hold.
enum class FieldType {
  line,       // single-line text (no control characters)
  text,       // multi-line text
  email,      // an email address
  boolean,    // true or false
  date,       // "2026-11-26"
  date_time,  // RFC 3339 with a zone, e.g. "2026-11-26T18:00:00Z"
  choice,     // one of `choices`
};

/// One field of a resource: its type and limits. Validation, PATCH handling and the OpenAPI
/// schemas all read these, so they cannot disagree.
struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool nullable = false;  // JSON null is a value that may be stored
  std::size_t min_length = 0;
  std::size_t max_length = 0;  // for line and text; 0 = no limit
  std::span<const std::string_view> choices = {};
  std::string_view description = {};
};

/// What is wrong with `value` as `spec`'s value, or std::nullopt when it is acceptable.
std::optional<std::string> field_problem(const FieldSpec& spec, const nlohmann::json& value);

/// The OpenAPI (3.0) schema of a field.
nlohmann::json field_schema(const FieldSpec& spec);

/// True for "YYYY-MM-DD" naming a real calendar day.
bool is_date(std::string_view text);

/// True for RFC 3339 date-times with seconds and a zone ("Z", or an offset up to ±15:59 as
/// PostgreSQL takes), e.g. "2026-11-26T18:00:00Z" or "2026-11-26T18:00:00.250+01:00".
bool is_date_time(std::string_view text);

/// The instant an RFC 3339 date-time names (any zone), or std::nullopt when it is not one.
std::optional<std::chrono::sys_time<std::chrono::microseconds>> parse_date_time(
    std::string_view text);

/// True for a date-time whose instant lies in the years 1 to 9999 in UTC: what the API stores
/// and writes back unchanged.
bool is_storable_date_time(std::string_view text);

/// An email address our mailer can send to: one '@' with text on both sides, printable ASCII
/// without spaces, quotes, brackets or other specials, no leading, trailing or double dots, at
/// most 64 bytes before the '@' and 254 in all. International domains go in their xn-- form.
bool is_email(std::string_view text);

/// True when `text` holds only white space (ASCII or Unicode spaces, invisible ones included).
bool is_blank(std::string_view text);

/// A field of a `Record` in a response, with the function that writes its value.
template <class Record>
struct ReadableField {
  std::string_view name;
  void (*write)(util::JsonWriter&, const Record&);
};

/// Writes `record` as a JSON object of `fields`, in their order.
template <class Record>
void write_object(util::JsonWriter& writer, const std::vector<ReadableField<Record>>& fields,
                  const Record& record) {
  writer.begin_object();
  for (const auto& field : fields) {
    writer.key(field.name);
    field.write(writer, record);
  }
  writer.end_object();
}

}  // namespace tmeit::domain
