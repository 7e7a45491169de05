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
      {verb::get,
       "/api/v1/events/",
       "list_events",
       "The events the caller may see, by start time",
       "events",
       Access::optional_login,
       bind(events, &EventHandlers::list_events),
       nullptr,
       {{200, {"the events", {{"type", "array"}, {"items", schema_ref("Event")}}}},
        {422, {"a bad query parameter, named", error_schema()}}},
       "application/json",
       upcoming_and_page_parameters()},
      {verb::get,
       "/api/v1/events/{uuid}",
       "get_event",
       "One event, when the caller may see it",
       "events",
       Access::optional_login,
       bind(events, &EventHandlers::get_event),
       nullptr,
       {{200, {"the event", schema_ref("Event")}}, {404, not_found}}},
      {verb::post,
       "/api/v1/events/create",
       "create_event",
       "Add an event (marshals and masters)",
       "events",
       Access::marshal,
       bind(events, &EventHandlers::create_event),
       schema_ref("EventCreate"),
       {{200, {"the new event", schema_ref("Event")}}, {400, unknown_field}, {422, invalid}}},
      {verb::patch,
       "/api/v1/events/{uuid}",
       "patch_event",
       "Change fields of an event (marshals and masters). Send the ETag of GET as If-Match to "
       "change only the version you saw",
       "events",
       Access::marshal,
       bind(events, &EventHandlers::patch_event),
       schema_ref("EventPatch"),
       {{200, {"the event after the change (its new ETag in the header)", schema_ref("Event")}},
        {400, unknown_field},
        {404, not_found},
        {412, stale},
        {422, invalid}},
       "application/json",
       nlohmann::json::array({if_match_parameter()})},
      {verb::delete_,
       "/api/v1/events/{uuid}",
       "delete_event",
       "Remove an event (masters)",
       "events",
       Access::master,
       bind(events, &EventHandlers::delete_event),
       nullptr,
       {{200, {"deleted", deleted_schema("uuid")}}, {404, not_found}}},
  };
}

}  // namespace tmeit::http
