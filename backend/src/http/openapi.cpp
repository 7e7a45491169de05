#include "http/openapi.hpp"

#include <cctype>
#include <set>
#include <string>

namespace tmeit::http {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json parameters_of(const std::string& path) {
  ordered_json parameters = ordered_json::array();
  std::size_t open = path.find('{');
  while (open != std::string::npos) {
    const std::size_t close = path.find('}', open);
    parameters.push_back({{"name", path.substr(open + 1, close - open - 1)},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", "string"}}}});
    open = path.find('{', close);
  }
  return parameters;
}

ordered_json response_of(const ResponseDoc& doc) {
  ordered_json response{{"description", doc.description}};
  if (!doc.schema.is_null()) {
    response["content"][doc.content_type]["schema"] = doc.schema;
  }
  return response;
}

ordered_json operation_of(const Route& route) {
  ordered_json operation{{"operationId", route.operation_id},
                         {"summary", route.summary},
                         {"description", route.summary},
                         {"tags", {route.tag}}};
  if (route.deprecated) operation["deprecated"] = true;
  auto parameters = parameters_of(route.path);
  if (route.query_parameters.is_array()) {
    for (const auto& parameter : route.query_parameters) {
      // json and ordered_json do not convert into each other; text does.
      parameters.push_back(ordered_json::parse(parameter.dump()));
    }
  }
  if (!parameters.empty()) operation["parameters"] = parameters;
  if (!route.request_schema.is_null()) {
    operation["requestBody"] = {
        {"required", true},
        {"content", {{route.request_content_type, {{"schema", route.request_schema}}}}}};
  }
  if (route.access == Access::anyone) {
    operation["security"] = ordered_json::array();
  } else if (route.access == Access::optional_login) {
    // Either way: the answer is shaped by who asks.
    operation["security"] = {ordered_json::object(),
                             {{"OAuth2PasswordBearer", ordered_json::array()}}};
  } else {
    operation["security"] = {{{"OAuth2PasswordBearer", ordered_json::array()}}};
  }
  ordered_json responses = ordered_json::object();
  for (const auto& [status, doc] : route.responses) {
    responses[std::to_string(status)] = response_of(doc);
  }
  // Every operation can fail; the shapes of its errors are part of the contract.
  const std::set<int> declared = [&] {
    std::set<int> codes;
    for (const auto& [status, doc] : route.responses) codes.insert(status);
    return codes;
  }();
  // Routes that answer everyone treat a token that no longer works as none: never a 401.
  const bool needs_login = route.access != Access::anyone && route.access != Access::optional_login;
  if (needs_login && !declared.contains(401)) {
    responses["401"] = response_of({"not logged in or token revoked", error_schema()});
  }
  if ((route.access == Access::marshal || route.access == Access::master) &&
      !declared.contains(403)) {
    responses["403"] = response_of({"the caller's role may not do this", error_schema()});
  }
  if (!declared.contains(400) && !declared.contains(422) && !declared.contains(404)) {
    responses["4XX"] = response_of({"client error", error_schema()});
  }
  operation["responses"] = responses;
  return operation;
}

}  // namespace

nlohmann::json schema_ref(std::string_view name) {
  return {{"$ref", "#/components/schemas/" + std::string(name)}};
}

nlohmann::json error_schema() {
  return schema_ref("Error");
}

nlohmann::ordered_json openapi_document(const Router& router, std::string_view version,
                                        const nlohmann::json& schemas) {
  ordered_json paths = ordered_json::object();
  std::set<std::string> tags;
  bool any_secured = false;
  for (const auto& route : router.routes()) {
    any_secured = any_secured || route.access != Access::anyone;
    std::string method(bhttp::to_string(route.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = operation_of(route);
    tags.insert(route.tag);
  }
  ordered_json tag_list = ordered_json::array();
  for (const auto& tag : tags) {
    tag_list.push_back({{"name", tag}, {"description", "Operations on " + tag + "."}});
  }
  ordered_json document{{"openapi", "3.0.3"},
                        {"info",
                         {{"title", "tmeit API"},
                          {"version", version},
                          {"description", "The API of the TMEIT klubbmästeri web platform."}}},
                        {"servers", {{{"url", "/"}, {"description", "this server"}}}},
                        {"tags", tag_list},
                        {"paths", paths}};
  // FastAPI's error shapes, which clients of the original read, plus our "error" message.
  document["components"]["schemas"]["Problem"] = {
      {"type", "object"},
      {"description", "One problem with one input value, as FastAPI reports it."},
      {"required", {"loc", "msg", "type"}},
      {"properties",
       {{"loc",
         {{"type", "array"},
          {"items", {{"type", "string"}}},
          {"description", "where: [\"body\" | \"query\" | \"path\", field name]"}}},
        {"msg", {{"type", "string"}, {"description", "what is wrong with it"}}},
        {"type",
         {{"type", "string"},
          {"description", "value_error.missing, value_error.extra, type_error or value_error"}}}}}};
  document["components"]["schemas"]["Error"] = {
      {"type", "object"},
      {"required", {"error", "detail"}},
      {"properties",
       {{"error", {{"type", "string"}, {"description", "what went wrong"}}},
        {"detail",
         {{"description",
           "the problems with named input fields (400, 422), else the message again"},
          {"oneOf",
           {{{"type", "string"}},
            {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Problem"}}}}}}}},
        {"request_id",
         {{"type", "string"}, {"description", "500 only: quote it when reporting the error"}}}}}};
  for (const auto& [name, schema] : schemas.items()) {
    document["components"]["schemas"][name] = schema;
  }
  if (any_secured) {
    // Swagger UI's Authorize button logs in through this flow.
    document["components"]["securitySchemes"]["OAuth2PasswordBearer"] = {
        {"type", "oauth2"},
        {"flows",
         {{"password", {{"tokenUrl", "/api/v1/token"}, {"scopes", ordered_json::object()}}}}}};
  }
  return document;
}

}  // namespace tmeit::http
