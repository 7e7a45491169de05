#pragma once

#include "domain/fields.hpp"
#include "util/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::domain {

// How each kind of stored value goes to the API's JSON and back, and to the database's text and
// back. An enum member brings its own four overloads beside its type (Role: member_fields.cpp),
// where argument-dependent lookup finds them.
inline void write_value(util::JsonWriter& writer, const std::string& value) {
  writer.string(value);
}
inline void write_value(util::JsonWriter& writer, const std::optional<std::string>& value) {
  writer.optional_string(value);
}
inline void write_value(util::JsonWriter& writer, bool value) {
  writer.boolean(value);
}
inline void set_value(std::string& out, const nlohmann::json& value) {
  out = value.get<std::string>();
}
inline void set_value(std::optional<std::string>& out, const nlohmann::json& value) {
  out = value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
}
inline void set_value(bool& out, const nlohmann::json& value) {
  out = value.get<bool>();
}
inline std::optional<std::string> value_text(const std::string& value) {
  return value;
}
inline std::optional<std::string> value_text(const std::optional<std::string>& value) {
  return value;
}
inline std::optional<std::string> value_text(bool value) {
  return value ? "true" : "false";
}
inline void set_from_text(std::string& out, std::optional<std::string_view> text) {
  out = text.value_or("");
}
inline void set_from_text(std::optional<std::string>& out, std::optional<std::string_view> text) {
  out = text ? std::optional<std::string>(*text) : std::nullopt;
}
inline void set_from_text(bool& out, std::optional<std::string_view> text) {
  // PostgreSQL's text form of a boolean.
  if (text != "t" && text != "f")
    throw std::runtime_error("a boolean column holds neither t nor f");
  out = text == "t";
}

/// Where a field's value lives in a `Record`, and how it is written, set and stored. Made from a
/// pointer to the member (`.value = &Member::phone`); it has no default, so a table row without
/// one does not compile.
template <class Record>
class FieldAccess {
 public:
  // Implicit on purpose: a table row reads `.value = &Member::phone`.
  template <class Value>
  FieldAccess(Value Record::*member)  // NOLINT(google-explicit-constructor)
      : write_([member](util::JsonWriter& writer, const Record& record) {
          write_value(writer, record.*member);
        }),
        set_([member](Record& record, const nlohmann::json& value) {
          set_value(record.*member, value);
        }),
        text_([member](const Record& record) { return value_text(record.*member); }),
        set_text_([member](Record& record, std::optional<std::string_view> text) {
          set_from_text(record.*member, text);
        }) {}

  /// Writes the value in API form.
  void write(util::JsonWriter& writer, const Record& record) const { write_(writer, record); }
  /// Stores an API value that field_problem accepted.
  void set(Record& record, const nlohmann::json& value) const { set_(record, value); }
  /// The value as a statement parameter (std::nullopt: NULL).
  std::optional<std::string> text(const Record& record) const { return text_(record); }
  /// Stores a value read from the database (std::nullopt: NULL).
  void set_text(Record& record, std::optional<std::string_view> text) const {
    set_text_(record, text);
  }

 private:
  std::function<void(util::JsonWriter&, const Record&)> write_;
  std::function<void(Record&, const nlohmann::json&)> set_;
  std::function<std::optional<std::string>(const Record&)> text_;
  std::function<void(Record&, std::optional<std::string_view>)> set_text_;
};

/// The row of a field table (rows with `spec` and `value`) for the field called `name`, or
/// nullptr.
template <class Row>
const Row* find_field(const std::vector<Row>& rows, std::string_view name) {
  const auto found = std::find_if(rows.begin(), rows.end(),
                                  [name](const Row& row) { return row.spec.name == name; });
  return found == rows.end() ? nullptr : &*found;
}

/// Writes the fields of `rows` of `record` as members of the JSON object being written, in
/// their order.
template <class Row, class Record>
void write_field_members(util::JsonWriter& writer, const std::vector<const Row*>& rows,
                         const Record& record) {
  for (const auto* row : rows) {
    writer.key(row->spec.name);
    row->value.write(writer, record);
  }
}

/// Writes `record` as a JSON object of the fields of `rows`, in their order.
template <class Row, class Record>
void write_fields(util::JsonWriter& writer, const std::vector<const Row*>& rows,
                  const Record& record) {
  writer.begin_object();
  write_field_members(writer, rows, record);
  writer.end_object();
}

/// Applies `patch` (field → new value; null, false and "" are values) to `record` when every
/// field is in `rows`, `may_set(row)` and valid; otherwise leaves `record` alone and says why: the
/// first field that may not be set ("field 'x' " + `refusal`), or every invalid value.
template <class Row, class Record, class MaySet>
FieldProblems apply_fields(Record& record, const nlohmann::json& patch,
                           const std::vector<Row>& rows, MaySet may_set, std::string_view refusal) {
  FieldProblems problems;
  for (const auto& [name, value] : patch.items()) {
    const auto* row = find_field(rows, name);
    if (row == nullptr || !may_set(*row)) {
      problems.refuse(name, "field '" + name + "' " + std::string(refusal));
      return problems;
    }
    if (auto problem = field_problem(row->spec, value)) problems.invalid[name] = *problem;
  }
  if (!problems.ok()) return problems;
  for (const auto& [name, value] : patch.items()) find_field(rows, name)->value.set(record, value);
  return problems;
}

}  // namespace tmeit::domain
