#include "domain/event_fields.hpp"
#include "http/handlers/event_handlers.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {
namespace {

nlohmann::json upcoming_and_page_parameters() {
  auto parameters = page_parameters();
  // An explicit object: a braced list here picks insert(pos, initializer_list), which splices
  // each pair in as an element of its own.
  parameters.insert(
      parameters.begin(),
      nlohmann::json::object(
          {{"name", "upcoming"},
           {"in", "query"},
           {"required", false},
           {"description", "true: not over yet, soonest first; false: over, newest first"},
           {"schema", {{"type", "boolean"}}}}));
  return parameters;
}

}  // namespace

nlohmann::json event_schemas() {
  return {{"Event", domain::event_schema()},
          {"EventCreate", domain::event_create_schema()},
          {"EventPatch", domain::event_patch_schema()}};
}

std::vector<Route> event_routes(EventHandlers& events) {
  using bhttp::verb;
  const ResponseDoc not_found{"no such event, or one the caller may not see", error_schema()};
  const ResponseDoc invalid{"invalid values, by field", error_schema()};
  const ResponseDoc unknown_field{"a field that does not exist or may not be set, named",
                                  error_schema()};
  const ResponseDoc stale{"If-Match names an older version: someone else changed the event",
                          error_schema()};
  return {
      {.method = verb::get,
       .path = "/api/v1/events/",
       .operation_id = "list_events",
       .summary = "The events the caller may see, by start time",
       .tag = "events",
       .access = Access::optional_login,
       .handler = bind(events, &EventHandlers::list_events),
       .responses = {{200, {"the events", {{"type", "array"}, {"items", schema_ref("Event")}}}},
                     {422, {"a bad query parameter, named", error_schema()}}},
       .query_parameters = upcoming_and_page_parameters()},
      {.method = verb::get,
       .path = "/api/v1/events/{uuid}",
       .operation_id = "get_event",
       .summary = "One event, when the caller may see it",
       .tag = "events",
       .access = Access::optional_login,
       .handler = bind(events, &EventHandlers::get_event),
       .responses = {{200, {"the event", schema_ref("Event")}}, {404, not_found}}},
      {.method = verb::post,
       .path = "/api/v1/events/create",
       .operation_id = "create_event",
       .summary = "Add an event (marshals and masters)",
       .tag = "events",
       .access = Access::marshal,
       .handler = bind(events, &EventHandlers::create_event),
       .request_schema = schema_ref("EventCreate"),
       .responses = {{200, {"the new event", schema_ref("Event")}},
                     {400, unknown_field},
                     {422, invalid}}},
      {.method = verb::patch,
       .path = "/api/v1/events/{uuid}",
       .operation_id = "patch_event",
       .summary = "Change fields of an event (marshals and masters). Send the ETag of GET as "
                  "If-Match to change only the version you saw",
       .tag = "events",
       .access = Access::marshal,
       .handler = bind(events, &EventHandlers::patch_event),
       .request_schema = schema_ref("EventPatch"),
       .responses =
           {{200, {"the event after the change (its new ETag in the header)", schema_ref("Event")}},
            {400, unknown_field},
            {404, not_found},
            {412, stale},
            {422, invalid}},
       .query_parameters = nlohmann::json::array({if_match_parameter()})},
      {.method = verb::delete_,
       .path = "/api/v1/events/{uuid}",
       .operation_id = "delete_event",
       .summary = "Remove an event (masters)",
       .tag = "events",
       .access = Access::master,
       .handler = bind(events, &EventHandlers::delete_event),
       .responses = {{200, {"deleted", deleted_schema("uuid")}}, {404, not_found}}},
  };
}

}  // namespace tmeit::http
