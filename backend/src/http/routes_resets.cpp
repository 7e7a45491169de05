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
      {verb::put,
       "/api/v1/reset",
       "request_password_reset",
       "Ask for a password reset link by email; the answer is the same whether or not the email "
       "is a member's",
       "auth",
       Access::anyone,
       bind(resets, &ResetHandlers::request_reset),
       object_schema({{"email", {{"type", "string"}, {"format", "email"}}}}, {"email"}),
       {{200, {"a link is mailed if the email is a member's", status}},
        {400, unknown_field},
        {422, {"the email is missing or invalid", error_schema()}},
        {429, {"too many requests for this email or address; see Retry-After", error_schema()}}}},
      {verb::put,
       "/api/v1/reset/{token}",
       "reset_password",
       "Set a new password with the token from a reset mail; it works once, for an hour, and "
       "revokes every older login token",
       "auth",
       Access::anyone,
       bind(resets, &ResetHandlers::reset_password),
       object_schema({{"password",
                       {{"type", "string"},
                        {"format", "password"},
                        {"description", "zxcvbn strength at least 3 of 4"}}}},
                     {"password"}),
       {{200, {"the password is changed", status}},
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
      {verb::post,
       "/api/v1/members/send_test_email",
       "send_test_email",
       "Queue a test mail to oneself, or to `to` (masters)",
       "members",
       Access::master,
       bind(email, &EmailHandlers::send_test_email),
       {{"type", "object"},
        {"additionalProperties", false},
        {"properties", {{"to", {{"type", "string"}, {"format", "email"}}}}}},
       {{202,
         {"queued", object_schema({{"status", {{"type", "string"}}},
                                   {"to", {{"type", "string"}}},
                                   {"job_id", {{"type", "integer"}}}},
                                  {"status", "to"})}},
        {400, {"an unknown field, named", error_schema()}},
        {422, {"`to` is no email address", error_schema()}}}},
  };
}

}  // namespace tmeit::http
