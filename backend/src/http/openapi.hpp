#pragma once

#include "http/router.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace tmeit::http {

/// The OpenAPI 3 document of every route in the table: generated, never hand-kept.
/// `schemas` (name → schema) become components/schemas, for routes to `$ref`.
nlohmann::ordered_json openapi_document(const Router& router, std::string_view version,
                                        const nlohmann::json& schemas = nlohmann::json::object());

/// A reference to a schema in the document's components.
nlohmann::json schema_ref(std::string_view name);

/// Schema of the body every error response has: a reference to components' Error.
nlohmann::json error_schema();

}  // namespace tmeit::http
