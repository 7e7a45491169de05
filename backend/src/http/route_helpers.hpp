#pragma once

#include "http/openapi.hpp"
#include "http/router.hpp"

#include <nlohmann/json.hpp>

namespace tmeit::http {

/// An OpenAPI object schema with these properties, of which `required` must be present.
inline nlohmann::json object_schema(nlohmann::json properties, nlohmann::json required) {
  return {
      {"type", "object"}, {"required", std::move(required)}, {"properties", std::move(properties)}};
}

/// The answer to a deletion: {"status": "deleted", key: "<id>"} (http::deleted_json).
inline nlohmann::json deleted_schema(const std::string& key) {
  return object_schema(
      {{"status", {{"type", "string"}, {"enum", {"deleted"}}}}, {key, {{"type", "string"}}}},
      {"status", key});
}

/// The `limit` and `offset` query parameters of a paged list (http/paging.hpp).
inline nlohmann::json page_parameters() {
  return {{{"name", "limit"},
           {"in", "query"},
           {"required", false},
           {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 100}}}},
          {{"name", "offset"},
           {"in", "query"},
           {"required", false},
           {"schema", {{"type", "integer"}, {"minimum", 0}, {"default", 0}}}}};
}

/// The optional If-Match header of a PATCH: the ETag the client read (http/etag.hpp).
inline nlohmann::json if_match_parameter() {
  return {{"name", "If-Match"},
          {"in", "header"},
          {"required", false},
          {"description",
           "the ETag of the version the change was made on; when the record has changed since, "
           "the answer is 412 and nothing is changed"},
          {"schema", {{"type", "string"}}}};
}

/// Binds a member function of a handler object as a route handler.
template <typename Object>
Handler bind(Object& object, asio::awaitable<Response> (Object::*member)(RequestContext&)) {
  return [&object, member](RequestContext& ctx) { return (object.*member)(ctx); };
}

}  // namespace tmeit::http
