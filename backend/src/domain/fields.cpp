#include "domain/fields.hpp"

#include "util/date_time.hpp"

#include <algorithm>

namespace tmeit::domain {
namespace {

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
      if (util::is_date(text)) return std::nullopt;
      return std::string("must be a date like 2026-11-26, from the year 1 on");
    case FieldType::date_time:
      if (!util::is_date_time(text)) {
        return std::string(
            "must be an RFC 3339 date-time like 2026-11-26T18:00:00Z (UTC offsets up to 15:59)");
      }
      if (util::is_storable_date_time(text)) return std::nullopt;
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
