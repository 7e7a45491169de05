#include "http/handlers/auth_handlers.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {

std::vector<Route> auth_routes(AuthHandlers& auth) {
  using bhttp::verb;
  using nlohmann::json;
  const json string{{"type", "string"}};
  const json token = object_schema(
      {{"access_token", string},
       {"token_type", {{"type", "string"}, {"enum", {"bearer"}}}},
       {"expires_in", {{"type", "integer"}, {"description", "seconds the token is valid"}}}},
      {"access_token", "token_type"});
  const ResponseDoc invalid{"a field is missing or invalid", error_schema()};
  return {
      {.method = verb::post,
       .path = "/api/v1/token",
       .operation_id = "login",
       .summary = "Log in (OAuth2 password flow): username is the login email",
       .tag = "auth",
       .access = Access::anyone,
       .handler = bind(auth, &AuthHandlers::login),
       .request_schema = object_schema(
           {{"username", string}, {"password", {{"type", "string"}, {"format", "password"}}}},
           {"username", "password"}),
       .responses = {{200, {"a bearer token", token}},
                     {401, {"incorrect email or password", error_schema()}},
                     {422, invalid},
                     {429, {"too many failed logins; see Retry-After", error_schema()}},
                     {503, {"server busy; see Retry-After", error_schema()}}},
       .request_content_type = "application/x-www-form-urlencoded"},
      {.method = verb::get,
       .path = "/api/v1/me",
       .operation_id = "get_me",
       .summary = "The logged-in member",
       .tag = "auth",
       .access = Access::member,
       .handler = bind(auth, &AuthHandlers::me),
       .responses = {{200, {"the member, as they see themselves", schema_ref("MemberAsSelf")}}}},
      {.method = verb::post,
       .path = "/api/v1/members/change_password",
       .operation_id = "change_password",
       .summary = "Change one's own password; every older token is revoked and a new one returned",
       .tag = "auth",
       .access = Access::member,
       .handler = bind(auth, &AuthHandlers::change_password),
       .request_schema =
           object_schema({{"current_password", {{"type", "string"}, {"format", "password"}}},
                          {"new_password",
                           {{"type", "string"},
                            {"format", "password"},
                            {"description", "zxcvbn strength at least 3 of 4"}}}},
                         {"current_password", "new_password"}),
       .responses = {{200, {"a new bearer token", token}},
                     {400, {"the current password is wrong, or an unknown field", error_schema()}},
                     {422, {"a field is missing, or the new password is too weak", error_schema()}},
                     {503, {"server busy; see Retry-After", error_schema()}}}},
  };
}

}  // namespace tmeit::http
