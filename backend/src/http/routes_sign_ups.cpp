#include "domain/sign_up_fields.hpp"
#include "http/handlers/sign_up_handlers.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {

nlohmann::json sign_up_schemas() {
  return {{"SignUpForm", domain::sign_up_form_schema()},
          {"SignUp", domain::sign_up_schema()},
          {"PendingSignUp", domain::pending_sign_up_schema()},
          {"SignUpStatus", domain::sign_up_status_schema()}};
}

std::vector<Route> sign_up_routes(SignUpHandlers& sign_ups) {
  using bhttp::verb;
  const ResponseDoc not_found{"no such pending sign-up", error_schema()};
  return {
      {.method = verb::post,
       .path = "/api/v1/sign_up/sign_up",
       .operation_id = "create_sign_up",
       .summary = "Apply to join as prao (the public form); a master approves or deletes it",
       .tag = "sign_ups",
       .access = Access::anyone,
       .handler = bind(sign_ups, &SignUpHandlers::create_sign_up),
       .request_schema = schema_ref("SignUpForm"),
       .responses = {{200, {"the stored sign-up", schema_ref("SignUp")}},
                     {400, {"an unknown field, named", error_schema()}},
                     {409, {"the email is already a member's or signed up", error_schema()}},
                     {422, {"invalid values by field, or a weak password", error_schema()}},
                     {429,
                      {"too many sign-ups from this address; see Retry-After", error_schema()}},
                     {503, {"server busy; see Retry-After", error_schema()}}}},
      {.method = verb::get,
       .path = "/api/v1/sign_up/",
       .operation_id = "list_sign_ups",
       .summary = "Pending sign-ups, oldest first (masters)",
       .tag = "sign_ups",
       .access = Access::master,
       .handler = bind(sign_ups, &SignUpHandlers::list_sign_ups),
       .responses =
           {{200, {"the sign-ups", {{"type", "array"}, {"items", schema_ref("PendingSignUp")}}}}}},
      {.method = verb::get,
       .path = "/api/v1/sign_up/{uuid}",
       .operation_id = "get_sign_up",
       .summary = "The status of a sign-up, for whoever holds its uuid",
       .tag = "sign_ups",
       .access = Access::anyone,
       .handler = bind(sign_ups, &SignUpHandlers::get_sign_up),
       .responses = {{200, {"pending", schema_ref("SignUpStatus")}},
                     {404, {"approved, deleted or never sent", error_schema()}}}},
      {.method = verb::post,
       .path = "/api/v1/sign_up/approve/{uuid}",
       .operation_id = "approve_sign_up",
       .summary =
           "Make the sign-up a prao member with its password (masters); a welcome mail goes out",
       .tag = "sign_ups",
       .access = Access::master,
       .handler = bind(sign_ups, &SignUpHandlers::approve_sign_up),
       .responses = {{200, {"the new member", schema_ref("MemberAsMaster")}},
                     {404, not_found},
                     {409, {"a member has this email by now", error_schema()}}}},
      {.method = verb::delete_,
       .path = "/api/v1/sign_up/{uuid}",
       .operation_id = "delete_sign_up",
       .summary = "Throw a sign-up away (masters)",
       .tag = "sign_ups",
       .access = Access::master,
       .handler = bind(sign_ups, &SignUpHandlers::delete_sign_up),
       .responses = {{204, {"deleted"}}, {404, not_found}}},
  };
}

}  // namespace tmeit::http
