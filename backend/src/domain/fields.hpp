#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

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
/// schemas all read these, so they cannot disagree. Written with designated initializers
/// (`{.name = "phone", .type = FieldType::line, .nullable = true, .max_length = 40}`).
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

/// An email address our mailer can send to: one '@' with text on both sides, printable ASCII
/// without spaces, quotes, brackets or other specials, no leading, trailing or double dots, at
/// most 64 bytes before the '@' and 254 in all. International domains go in their xn-- form.
bool is_email(std::string_view text);

/// True when `text` holds only white space (ASCII or Unicode spaces, invisible ones included).
bool is_blank(std::string_view text);

/// What is wrong with a body of fields (a create, a PATCH, a form): a field that may not be sent
/// at all, named (the API's 400), or invalid values by field (its 422). http::throw_problems
/// turns it into that error.
struct FieldProblems {
  std::optional<std::string> refused_field;
  std::string refusal;  // the 400's message, naming refused_field
  nlohmann::json invalid = nlohmann::json::object();

  bool ok() const { return !refused_field && invalid.empty(); }
  /// Records the field that may not be sent, and the message that says so.
  void refuse(std::string field, std::string message) {
    refused_field = std::move(field);
    refusal = std::move(message);
  }
};

}  // namespace tmeit::domain
