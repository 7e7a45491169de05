#pragma once

#include "domain/event.hpp"
#include "domain/field_access.hpp"
#include "domain/fields.hpp"
#include "util/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tmeit::domain {

/// One field of an event as the API shows it, the Event member that holds it, and whether
/// marshals and masters may set it.
struct EventField {
  FieldSpec spec;
  FieldAccess<Event> value;
  bool editable;
};

/// The event fields, the one place they are written down: responses, create and PATCH checks
/// and the OpenAPI schemas are all made from it.
const std::vector<EventField>& event_fields();

/// Writes an event in API form (every field, for everyone who may see the event at all).
void write_event(util::JsonWriter& writer, const Event& event);
/// An event in API form, as JSON text.
std::string event_json(const Event& event);

/// Applies `patch` (field → new value) to `event` when every field is editable and valid and
/// the merged event ends no earlier than it starts; otherwise leaves `event` alone and says why:
/// the first field that does not exist or may not be set, or every invalid value.
FieldProblems apply_event_patch(Event& event, const nlohmann::json& patch);

/// Fills `event` (a new one) from a create request; what is wrong with it when not ok (unknown,
/// missing and invalid fields). Visibility defaults to "internal", description and location
/// to "".
FieldProblems event_from_create(const nlohmann::json& body, Event& event);

/// The OpenAPI schemas of an event, a create body and a PATCH body.
nlohmann::json event_schema();
nlohmann::json event_create_schema();
nlohmann::json event_patch_schema();

}  // namespace tmeit::domain
