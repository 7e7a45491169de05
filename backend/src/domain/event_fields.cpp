#include "domain/event_fields.hpp"

#include "domain/event_visibility.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace tmeit::domain {
namespace {

using nlohmann::json;

/// Writes one field's value in API form.
using FieldWriter = void (*)(util::JsonWriter&, const Event&);

/// The writer of the field called `name`; looked up once per field, not per event.
FieldWriter field_writer(std::string_view name) {
  using W = util::JsonWriter;
  if (name == "uuid") return [](W& w, const Event& e) { w.string(e.uuid); };
  if (name == "title") return [](W& w, const Event& e) { w.string(e.title); };
  if (name == "description") return [](W& w, const Event& e) { w.string(e.description); };
  if (name == "location") return [](W& w, const Event& e) { w.string(e.location); };
  if (name == "event_start") return [](W& w, const Event& e) { w.string(e.event_start); };
  if (name == "event_end") return [](W& w, const Event& e) { w.optional_string(e.event_end); };
  if (name == "visibility") return [](W& w, const Event& e) { w.string(e.visibility); };
  if (name == "created_at") return [](W& w, const Event& e) { w.string(e.created_at); };
  if (name == "updated_at") return [](W& w, const Event& e) { w.string(e.updated_at); };
  throw std::logic_error("event field without a writer: " + std::string(name));
}

const std::vector<ReadableField<Event>>& readable_fields() {
  static const auto fields = [] {
    std::vector<ReadableField<Event>> out;
    for (const auto& field : event_fields()) {
      out.push_back({field.spec.name, field_writer(field.spec.name)});
    }
    return out;
  }();
  return fields;
}

/// Stores an already validated API value.
void set_field(Event& e, std::string_view name, const json& value) {
  if (name == "title") e.title = value.get<std::string>();
  if (name == "description") e.description = value.get<std::string>();
  if (name == "location") e.location = value.get<std::string>();
  if (name == "event_start") e.event_start = value.get<std::string>();
  if (name == "event_end") {
    e.event_end = value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
  }
  if (name == "visibility") e.visibility = value.get<std::string>();
}

const EventField* find_field(std::string_view name) {
  const auto& fields = event_fields();
  const auto found = std::find_if(fields.begin(), fields.end(),
                                  [name](const EventField& f) { return f.spec.name == name; });
  return found == fields.end() ? nullptr : &*found;
}

}  // namespace

const std::vector<EventField>& event_fields() {
  using T = FieldType;
  // clang-format off
  static const std::vector<EventField> fields = {
    //  field                                                                                  editable
    {{"uuid", T::line, false, 0, 0, {}, "the event's id"},                                    false},
    {{"title", T::line, false, 1, 200},                                                        true},
    {{"description", T::text, false, 0, 20000},                                                true},
    {{"location", T::line, false, 0, 200},                                                     true},
    {{"event_start", T::date_time, false, 0, 0, {}, "when the event starts"},                 true},
    {{"event_end", T::date_time, true, 0, 0, {}, "when it ends (not before the start); null: open"}, true},
    {{"visibility", T::choice, false, 0, 0, all_visibility_names,
      "public: everyone; internal: members but former trainees; elected: all but trainees"},  true},
    {{"created_at", T::date_time, false, 0, 0, {}, "when the event was added"},               false},
    {{"updated_at", T::date_time, false, 0, 0, {}, "when the event last changed"},            false},
  };
  // clang-format on
  return fields;
}

void write_event(util::JsonWriter& writer, const Event& event) {
  write_object(writer, readable_fields(), event);
}

std::string event_json(const Event& event) {
  std::string out;
  util::JsonWriter writer(out);
  write_event(writer, event);
  return out;
}

EventPatchProblems apply_event_patch(Event& event, const json& patch) {
  EventPatchProblems problems;
  for (const auto& [name, value] : patch.items()) {
    const auto* field = find_field(name);
    if (field == nullptr || !field->editable) {
      problems.unknown_field = name;
      return problems;
    }
    if (auto problem = field_problem(field->spec, value)) problems.invalid[name] = *problem;
  }
  if (!problems.ok()) return problems;
  Event merged = event;
  for (const auto& [name, value] : patch.items()) set_field(merged, name, value);
  // The order is checked on the merged event: a PATCH may move only the start past the end.
  if (merged.event_end &&
      parse_date_time(*merged.event_end) < parse_date_time(merged.event_start)) {
    problems.invalid["event_end"] = "must not be before event_start";
    return problems;
  }
  event = std::move(merged);
  return problems;
}

std::optional<Event> event_from_create(const json& body, EventPatchProblems& problems) {
  Event event;
  problems = apply_event_patch(event, body);
  for (const auto required : {"title", "event_start"}) {
    if (!body.contains(required)) problems.invalid[required] = "is required";
  }
  if (!problems.ok()) return std::nullopt;
  return event;
}

json event_schema() {
  json properties = json::object();
  json required = json::array();
  for (const auto& field : event_fields()) {
    properties[field.spec.name] = field_schema(field.spec);
    required.push_back(field.spec.name);
  }
  return {{"type", "object"},
          {"description", "An event, for everyone who may see it."},
          {"required", required},
          {"properties", properties}};
}

json event_create_schema() {
  json properties = json::object();
  for (const auto& field : event_fields()) {
    if (field.editable) properties[field.spec.name] = field_schema(field.spec);
  }
  return {{"type", "object"},
          {"description", "A new event; visibility defaults to internal."},
          {"required", {"title", "event_start"}},
          {"additionalProperties", false},
          {"properties", properties}};
}

json event_patch_schema() {
  json properties = json::object();
  for (const auto& field : event_fields()) {
    if (field.editable) properties[field.spec.name] = field_schema(field.spec);
  }
  return {{"type", "object"},
          {"description",
           "Only the fields to change. An unknown field is a 400 naming it; only event_end may "
           "be null."},
          {"minProperties", 1},
          {"additionalProperties", false},
          {"properties", properties}};
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace tmeit::domain
