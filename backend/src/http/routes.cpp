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
      {verb::get,
       "/health",
       "health",
       "Liveness: the process answers",
       "system",
       Access::anyone,
       bind(system, &SystemHandlers::health),
       nullptr,
       {{200, {"alive", object_schema({{"healthy", boolean}}, {"healthy"})}}}},
      {verb::get,
       "/ready",
       "ready",
       "Readiness: the database answers with a new enough schema",
       "system",
       Access::anyone,
       bind(system, &SystemHandlers::ready),
       nullptr,
       {{200, {"ready", object_schema({{"ready", boolean}}, {"ready"})}}, {503, not_ready}}},
      {verb::get,
       "/api/v1/version",
       "get_version",
       "Backend and database schema versions",
       "system",
       Access::anyone,
       bind(system, &SystemHandlers::version),
       nullptr,
       {{200,
         {"versions",
          object_schema({{"backend", string}, {"schema_version", {{"type", "integer"}}}},
                        {"backend", "schema_version"})}},
        {503, {"database unavailable", error_schema()}}}},
      {verb::get,
       "/api/v1/openapi.json",
       "openapi",
       "This API document",
       "system",
       Access::anyone,
       bind(system, &SystemHandlers::openapi),
       nullptr,
       {{200, {"the OpenAPI document", {{"type", "object"}}}}}},
      {verb::get,
       "/api/v1/docs",
       "docs",
       "Interactive API documentation (Swagger UI)",
       "system",
       Access::anyone,
       bind(system, &SystemHandlers::docs),
       nullptr,
       {{200, {"an HTML page", string, "text/html"}}}},
  };
}

}  // namespace

std::vector<Route> build_routes(const Handlers& handlers) {
  std::vector<Route> routes = system_routes(handlers.system);
  for (auto part : {auth_routes(handlers.auth), member_routes(handlers.members),
                    event_routes(handlers.events), sign_up_routes(handlers.sign_ups),
                    reset_routes(handlers.resets), email_routes(handlers.email), gone_routes()}) {
    routes.insert(routes.end(), std::make_move_iterator(part.begin()),
                  std::make_move_iterator(part.end()));
  }
  return routes;
}

nlohmann::json component_schemas() {
  nlohmann::json schemas = nlohmann::json::object();
  for (const auto& part : {member_schemas(), event_schemas(), sign_up_schemas()})
    schemas.update(part);
  return schemas;
}

}  // namespace tmeit::http
