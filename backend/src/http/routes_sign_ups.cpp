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
      {verb::post,
       "/api/v1/sign_up/sign_up",
       "create_sign_up",
       "Apply to join as prao (the public form); a master approves or deletes it",
       "sign_ups",
       Access::anyone,
       bind(sign_ups, &SignUpHandlers::create_sign_up),
       schema_ref("SignUpForm"),
       {{200, {"the stored sign-up", schema_ref("SignUp")}},
        {400, {"an unknown field, named", error_schema()}},
        {409, {"the email is already a member's or signed up", error_schema()}},
        {422, {"invalid values by field, or a weak password", error_schema()}},
        {429, {"too many sign-ups from this address; see Retry-After", error_schema()}},
        {503, {"server busy; see Retry-After", error_schema()}}}},
      {verb::get,
       "/api/v1/sign_up/",
       "list_sign_ups",
       "Pending sign-ups, oldest first (masters)",
       "sign_ups",
       Access::master,
       bind(sign_ups, &SignUpHandlers::list_sign_ups),
       nullptr,
       {{200, {"the sign-ups", {{"type", "array"}, {"items", schema_ref("PendingSignUp")}}}}}},
      {verb::get,
       "/api/v1/sign_up/{uuid}",
       "get_sign_up",
       "The status of a sign-up, for whoever holds its uuid",
       "sign_ups",
       Access::anyone,
       bind(sign_ups, &SignUpHandlers::get_sign_up),
       nullptr,
       {{200, {"pending", schema_ref("SignUpStatus")}},
        {404, {"approved, deleted or never sent", error_schema()}}}},
      {verb::post,
       "/api/v1/sign_up/approve/{uuid}",
       "approve_sign_up",
       "Make the sign-up a prao member with its password (masters); a welcome mail goes out",
       "sign_ups",
       Access::master,
       bind(sign_ups, &SignUpHandlers::approve_sign_up),
       nullptr,
       {{200, {"the new member", schema_ref("MemberAsMaster")}},
        {404, not_found},
        {409, {"a member has this email by now", error_schema()}}}},
      {verb::delete_,
       "/api/v1/sign_up/{uuid}",
       "delete_sign_up",
       "Throw a sign-up away (masters)",
       "sign_ups",
       Access::master,
       bind(sign_ups, &SignUpHandlers::delete_sign_up),
       nullptr,
       {{204, {"deleted"}}, {404, not_found}}},
  };
}

}  // namespace tmeit::http
