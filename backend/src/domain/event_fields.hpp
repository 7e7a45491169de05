#pragma once

#include "domain/event.hpp"
#include "domain/fields.hpp"

#include "util/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::domain {

/// One field of an event as the API shows it, and whether marshals and masters may set it.
struct EventField {
  FieldSpec spec;
  bool editable;
};

/// The event fields, the one place they are written down: responses, create and PATCH checks
/// and the OpenAPI schemas are all made from it.
const std::vector<EventField>& event_fields();

/// Writes an event in API form (every field, for everyone who may see the event at all).
void write_event(util::JsonWriter& writer, const Event& event);
/// An event in API form, as JSON text.
std::string event_json(const Event& event);

/// What is wrong with a create or PATCH body: the first field that does not exist or may not be
/// set, and the invalid values by field.
struct EventPatchProblems {
  std::optional<std::string> unknown_field;
  nlohmann::json invalid = nlohmann::json::object();
  bool ok() const { return !unknown_field && invalid.empty(); }
};

/// Applies `patch` (field → new value) to `event` when every field is editable and valid and
/// the merged event ends no earlier than it starts; otherwise leaves `event` alone and says why.
EventPatchProblems apply_event_patch(Event& event, const nlohmann::json& patch);

/// A new event from a create request; `problems` holds unknown, missing and invalid fields.
/// Visibility defaults to "internal", description and location to "".
std::optional<Event> event_from_create(const nlohmann::json& body, EventPatchProblems& problems);

/// The OpenAPI schemas of an event, a create body and a PATCH body.
nlohmann::json event_schema();
nlohmann::json event_create_schema();
nlohmann::json event_patch_schema();

/// True for a uuid in its canonical text form (8-4-4-4-12 hex digits, any case).
bool is_uuid(std::string_view text);

}  // namespace tmeit::domain
