#include "http/routes.hpp"

#include "http/handlers/system_handlers.hpp"
#include "http/route_helpers.hpp"

namespace tmeit::http {
namespace {

using bhttp::verb;
using nlohmann::json;

std::vector<Route> system_routes(SystemHandlers& system) {
  const json boolean{{"type", "boolean"}};
  const json string{{"type", "string"}};
  const ResponseDoc not_ready{
      "not ready", object_schema({{"ready", boolean}, {"error", string}}, {"ready", "error"})};
  return {
      {.method = verb::get,
       .path = "/health",
       .operation_id = "health",
       .summary = "Liveness: the process answers",
       .tag = "system",
       .access = Access::anyone,
       .handler = bind(system, &SystemHandlers::health),
       .responses = {{200, {"alive", object_schema({{"healthy", boolean}}, {"healthy"})}}}},
      {.method = verb::get,
       .path = "/ready",
       .operation_id = "ready",
       .summary = "Readiness: the database answers with a new enough schema",
       .tag = "system",
       .access = Access::anyone,
       .handler = bind(system, &SystemHandlers::ready),
       .responses = {{200, {"ready", object_schema({{"ready", boolean}}, {"ready"})}},
                     {503, not_ready}}},
      {.method = verb::get,
       .path = "/api/v1/version",
       .operation_id = "get_version",
       .summary = "Backend and database schema versions",
       .tag = "system",
       .access = Access::anyone,
       .handler = bind(system, &SystemHandlers::version),
       .responses = {{200,
                      {"versions", object_schema({{"backend", string},
                                                  {"schema_version", {{"type", "integer"}}}},
                                                 {"backend", "schema_version"})}},
                     {503, {"database unavailable", error_schema()}}}},
      {.method = verb::get,
       .path = "/api/v1/openapi.json",
       .operation_id = "openapi",
       .summary = "This API document",
       .tag = "system",
       .access = Access::anyone,
       .handler = bind(system, &SystemHandlers::openapi),
       .responses = {{200, {"the OpenAPI document", {{"type", "object"}}}}}},
      {.method = verb::get,
       .path = "/api/v1/docs",
       .operation_id = "docs",
       .summary = "Interactive API documentation (Swagger UI)",
       .tag = "system",
       .access = Access::anyone,
       .handler = bind(system, &SystemHandlers::docs),
       .responses = {{200, {"an HTML page", string, "text/html"}}}},
  };
}

}  // namespace

std::vector<Route> build_routes(const Handlers& handlers) {
  std::vector<Route> routes = system_routes(handlers.system);
  for (auto part :
       {auth_routes(handlers.auth), member_routes(handlers.members), event_routes(handlers.events),
        sign_up_routes(handlers.sign_ups), reset_routes(handlers.resets),
        email_routes(handlers.email), photo_routes(handlers.photos), gone_routes()}) {
    routes.insert(routes.end(), std::make_move_iterator(part.begin()),
                  std::make_move_iterator(part.end()));
  }
  return routes;
}

nlohmann::json component_schemas() {
  nlohmann::json schemas = nlohmann::json::object();
  for (const auto& part : {member_schemas(), event_schemas(), sign_up_schemas(), photo_schemas()})
    schemas.update(part);
  return schemas;
}

}  // namespace tmeit::http
