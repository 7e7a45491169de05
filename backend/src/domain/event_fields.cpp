#include "domain/event_fields.hpp"

#include "domain/event_visibility.hpp"
#include "util/date_time.hpp"

namespace tmeit::domain {
namespace {

using nlohmann::json;

const std::vector<const EventField*>& readable_fields() {
  static const auto fields = [] {
    std::vector<const EventField*> out;
    for (const auto& field : event_fields()) out.push_back(&field);
    return out;
  }();
  return fields;
}

}  // namespace

const std::vector<EventField>& event_fields() {
  using T = FieldType;
  using E = Event;
  // clang-format off
  static const std::vector<EventField> fields = {
    {.spec = {.name = "uuid", .type = T::line, .description = "the event's id"},
     .value = &E::uuid,        .editable = false},
    {.spec = {.name = "title", .type = T::line, .min_length = 1, .max_length = 200},
     .value = &E::title,       .editable = true},
    {.spec = {.name = "description", .type = T::text, .max_length = 20000},
     .value = &E::description, .editable = true},
    {.spec = {.name = "location", .type = T::line, .max_length = 200},
     .value = &E::location,    .editable = true},
    {.spec = {.name = "event_start", .type = T::date_time, .description = "when the event starts"},
     .value = &E::event_start, .editable = true},
    {.spec = {.name = "event_end", .type = T::date_time, .nullable = true,
              .description = "when it ends (not before the start); null: open"},
     .value = &E::event_end,   .editable = true},
    {.spec = {.name = "visibility", .type = T::choice, .choices = all_visibility_names,
              .description = "public: everyone; internal: members but former trainees (exprao); "
                             "elected: vraq, marshals and masters only"},
     .value = &E::visibility,  .editable = true},
    {.spec = {.name = "created_at", .type = T::date_time, .description = "when the event was added"},
     .value = &E::created_at,  .editable = false},
    {.spec = {.name = "updated_at", .type = T::date_time, .description = "when the event last changed"},
     .value = &E::updated_at,  .editable = false},
  };
  // clang-format on
  return fields;
}

void write_event(util::JsonWriter& writer, const Event& event) {
  writer.begin_object();
  write_field_members(writer, readable_fields(), event);
  // Whoever may see the event may see its banner: no viewer check.
  writer.key("banner");
  if (event.banner) {
    write_photo_urls(writer, *event.banner);
  } else {
    writer.null();
  }
  writer.end_object();
}

std::string event_json(const Event& event) {
  std::string out;
  util::JsonWriter writer(out);
  write_event(writer, event);
  return out;
}

FieldProblems apply_event_patch(Event& event, const json& patch) {
  Event merged = event;
  const auto editable = [](const EventField& field) { return field.editable; };
  auto problems =
      apply_fields(merged, patch, event_fields(), editable, "does not exist or may not be set");
  if (!problems.ok()) return problems;
  // The order is checked on the merged event: a PATCH may move only the start past the end.
  if (merged.event_end &&
      util::parse_date_time(*merged.event_end) < util::parse_date_time(merged.event_start)) {
    problems.invalid["event_end"] = "must not be before event_start";
    return problems;
  }
  event = std::move(merged);
  return problems;
}

FieldProblems event_from_create(const json& body, Event& event) {
  auto problems = apply_event_patch(event, body);
  for (const auto required : {"title", "event_start"}) {
    if (!body.contains(required)) problems.invalid[required] = "is required";
  }
  return problems;
}

json event_schema() {
  json properties = json::object();
  json required = json::array();
  for (const auto& field : event_fields()) {
    properties[field.spec.name] = field_schema(field.spec);
    required.push_back(field.spec.name);
  }
  properties["banner"] = photo_urls_schema(true);
  properties["banner"]["description"] = "the event's banner photo, null when it has none";
  // Always sent, yet not in `required`: clients typed before banners existed stay valid.
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

}  // namespace tmeit::domain
