#include "http/routes.hpp"

#include "http/handlers/system_handlers.hpp"
#include "http/openapi.hpp"

namespace tmeit::http {
namespace {

using bhttp::verb;
using nlohmann::json;

json object_schema(json properties, json required) {
  return {
      {"type", "object"}, {"required", std::move(required)}, {"properties", std::move(properties)}};
}

/// Binds a member function of a handler object as a route handler.
template <typename Object>
Handler bind(Object& object, asio::awaitable<Response> (Object::*member)(RequestContext&)) {
  return [&object, member](RequestContext& ctx) { return (object.*member)(ctx); };
}

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
       "/metrics",
       "metrics",
       "Prometheus metrics",
       "system",
       Access::anyone,
       bind(system, &SystemHandlers::metrics),
       nullptr,
       {{200, {"metrics in the Prometheus text format", string, "text/plain"}}}},
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
  return routes;
}

}  // namespace tmeit::http
