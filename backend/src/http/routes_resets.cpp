#include "http/handlers/email_handlers.hpp"
#include "http/handlers/reset_handlers.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {

std::vector<Route> reset_routes(ResetHandlers& resets) {
  using bhttp::verb;
  using nlohmann::json;
  const json status = object_schema({{"status", {{"type", "string"}}}}, {"status"});
  const ResponseDoc unknown_field{"an unknown field, named", error_schema()};
  return {
      {.method = verb::put,
       .path = "/api/v1/reset",
       .operation_id = "request_password_reset",
       .summary = "Ask for a password reset link by email; the answer is the same whether or not "
                  "the email is a member's",
       .tag = "auth",
       .access = Access::anyone,
       .handler = bind(resets, &ResetHandlers::request_reset),
       .request_schema =
           object_schema({{"email", {{"type", "string"}, {"format", "email"}}}}, {"email"}),
       .responses = {{200, {"a link is mailed if the email is a member's", status}},
                     {400, unknown_field},
                     {422, {"the email is missing or invalid", error_schema()}},
                     {429,
                      {"too many requests for this email or address; see Retry-After",
                       error_schema()}}}},
      {.method = verb::put,
       .path = "/api/v1/reset/{token}",
       .operation_id = "reset_password",
       .summary = "Set a new password with the token from a reset mail; it works once, for an "
                  "hour, and revokes every older login token",
       .tag = "auth",
       .access = Access::anyone,
       .handler = bind(resets, &ResetHandlers::reset_password),
       .request_schema = object_schema({{"password",
                                         {{"type", "string"},
                                          {"format", "password"},
                                          {"description", "zxcvbn strength at least 3 of 4"}}}},
                                       {"password"}),
       .responses = {{200, {"the password is changed", status}},
                     {400, unknown_field},
                     {404, {"the token is unknown, expired or used", error_schema()}},
                     {422, {"the password is missing or too weak", error_schema()}},
                     {503, {"server busy; see Retry-After", error_schema()}}}},
  };
}

std::vector<Route> email_routes(EmailHandlers& email) {
  using bhttp::verb;
  using nlohmann::json;
  return {
      {.method = verb::post,
       .path = "/api/v1/members/send_test_email",
       .operation_id = "send_test_email",
       .summary = "Queue a test mail to oneself, or to `to` (masters)",
       .tag = "members",
       .access = Access::master,
       .handler = bind(email, &EmailHandlers::send_test_email),
       .request_schema = {{"type", "object"},
                          {"additionalProperties", false},
                          {"properties", {{"to", {{"type", "string"}, {"format", "email"}}}}}},
       .responses = {{202,
                      {"queued", object_schema({{"status", {{"type", "string"}}},
                                                {"to", {{"type", "string"}}},
                                                {"job_id", {{"type", "integer"}}}},
                                               {"status", "to"})}},
                     {400, {"an unknown field, named", error_schema()}},
                     {422, {"`to` is no email address", error_schema()}}}},
  };
}

}  // namespace tmeit::http
