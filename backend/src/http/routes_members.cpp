#include "domain/member_fields.hpp"
#include "http/handlers/member_handlers.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {
namespace {

/// "MemberAsPublic", "MemberAsMember", ...: one schema per column of the matrix.
std::string member_schema_name(domain::MemberViewer viewer) {
  auto name = std::string(domain::member_viewer_name(viewer));
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return "MemberAs" + name;
}

/// Any of the per-viewer shapes: which one depends on who asks. anyOf, not oneOf: the shapes
/// nest (what the public sees is part of what a member sees).
nlohmann::json member_any_viewer() {
  nlohmann::json one_of = nlohmann::json::array();
  for (const auto viewer : domain::all_member_viewers) {
    one_of.push_back(schema_ref(member_schema_name(viewer)));
  }
  return {{"anyOf", one_of}};
}

/// A member named in the audit log; null once erased (or, for the actor, when the change was not
/// made through the API).
nlohmann::json audit_member_schema() {
  auto schema =
      object_schema({{"short_uuid", {{"type", "string"}}}, {"name", {{"type", "string"}}}},
                    {"short_uuid", "name"});
  schema["nullable"] = true;
  return schema;
}

nlohmann::json audit_entry_schema() {
  const nlohmann::json change =
      object_schema({{"from", nlohmann::json::object()}, {"to", nlohmann::json::object()}},
                    nlohmann::json::array());
  auto schema = object_schema(
      {{"id", {{"type", "string"}}},
       {"at", {{"type", "string"}, {"format", "date-time"}}},
       {"action", {{"type", "string"}, {"enum", {"created", "changed", "deleted"}}}},
       {"actor", audit_member_schema()},
       {"member_uuid", {{"type", "string"}, {"format", "uuid"}}},
       {"member", audit_member_schema()},
       {"changes",
        {{"type", "object"},
         {"description",
          "the audited fields that changed (current_role, login_email, drivers_license, stad, "
          "fest, liquor_permit); empty once the member is erased"},
         {"additionalProperties", change}}}},
      {"id", "at", "action", "actor", "member_uuid", "member", "changes"});
  schema["description"] = "Who changed whose role, permits or email, or added or deleted whom.";
  return schema;
}

nlohmann::json personal_data_schema() {
  const nlohmann::json list{{"type", "array"}, {"items", {{"type", "object"}}}};
  auto schema = object_schema(
      {{"exported_at", {{"type", "string"}}},
       {"member", {{"type", "object"}}},
       {"sign_ups", list},
       {"password_resets", list},
       {"password_reset_requests", list},
       {"emails", list},
       {"changes_to_your_record", list},
       {"changes_you_made", list},
       {"photos", list},
       {"not_included", {{"type", "array"}, {"items", {{"type", "string"}}}}}},
      {"exported_at", "member", "sign_ups", "password_resets", "password_reset_requests", "emails",
       "changes_to_your_record", "changes_you_made", "photos", "not_included"});
  schema["description"] = "Everything the club's database holds about one member.";
  return schema;
}

}  // namespace

nlohmann::json member_schemas() {
  nlohmann::json schemas = nlohmann::json::object();
  for (const auto viewer : domain::all_member_viewers) {
    schemas[member_schema_name(viewer)] = domain::member_schema(viewer);
  }
  schemas["MemberPatch"] = domain::member_patch_schema();
  schemas["MemberCreate"] = domain::member_create_schema();
  schemas["AuditEntry"] = audit_entry_schema();
  schemas["PersonalData"] = personal_data_schema();
  return schemas;
}

std::vector<Route> member_routes(MemberHandlers& members) {
  using bhttp::verb;
  const ResponseDoc not_found{"no such member", error_schema()};
  const ResponseDoc conflict{"the email is taken", error_schema()};
  const ResponseDoc invalid{"invalid values, by field", error_schema()};
  const ResponseDoc forbidden_field{"a field the caller may not set, named", error_schema()};
  const ResponseDoc stale{"If-Match names an older version: someone else changed the member",
                          error_schema()};
  return {
      {.method = verb::get,
       .path = "/api/v1/members/",
       .operation_id = "list_members",
       .summary = "All members, each shaped by what the caller may see",
       .tag = "members",
       .access = Access::optional_login,
       .handler = bind(members, &MemberHandlers::list_members),
       .responses = {{200, {"the members", {{"type", "array"}, {"items", member_any_viewer()}}}}}},
      {.method = verb::get,
       .path = "/api/v1/members/{short_uuid}",
       .operation_id = "get_member",
       .summary = "One member, shaped by what the caller may see",
       .tag = "members",
       .access = Access::optional_login,
       .handler = bind(members, &MemberHandlers::get_member),
       .responses = {{200, {"the member", member_any_viewer()}}, {404, not_found}}},
      {.method = verb::post,
       .path = "/api/v1/members/create",
       .operation_id = "create_member",
       .summary = "Add a member (masters); they set a password through a password reset",
       .tag = "members",
       .access = Access::master,
       .handler = bind(members, &MemberHandlers::create_member),
       .request_schema = schema_ref("MemberCreate"),
       .responses = {{200, {"the new member", schema_ref("MemberAsMaster")}},
                     {400, forbidden_field},
                     {409, conflict},
                     {422, invalid}}},
      {.method = verb::patch,
       .path = "/api/v1/members/{short_uuid}",
       .operation_id = "patch_member",
       .summary = "Change fields of a member: one's own editable fields, or any field for masters. "
                  "Send the ETag of GET as If-Match to change only the version you saw",
       .tag = "members",
       .access = Access::member,
       .handler = bind(members, &MemberHandlers::patch_member),
       .request_schema = schema_ref("MemberPatch"),
       .responses = {{200,
                      {"the member after the change (its new ETag in the header)",
                       member_any_viewer()}},
                     {400, forbidden_field},
                     {403, {"someone else's profile, and the caller is no master", error_schema()}},
                     {404, not_found},
                     {409,
                      {"the email is taken, or the change would leave the club without a master",
                       error_schema()}},
                     {412, stale},
                     {422, invalid}},
       .query_parameters = nlohmann::json::array({if_match_parameter()})},
      {.method = verb::delete_,
       .path = "/api/v1/members/{short_uuid}",
       .operation_id = "delete_member",
       .summary = "Erase a member and everything held about them (masters); their tokens stop "
                  "working at once",
       .tag = "members",
       .access = Access::master,
       .handler = bind(members, &MemberHandlers::delete_member),
       .responses = {{200, {"erased", deleted_schema("short_uuid")}},
                     {404, not_found},
                     {409, {"one's own account, or the last master", error_schema()}}}},
      {.method = verb::get,
       .path = "/api/v1/members/{short_uuid}/export",
       .operation_id = "export_member",
       .summary =
           "Everything the club holds about a member, as a JSON download (the member and masters)",
       .tag = "members",
       .access = Access::member,
       .handler = bind(members, &MemberHandlers::export_member),
       .responses = {{200, {"the data", schema_ref("PersonalData")}},
                     {403, {"someone else's data, and not a master", error_schema()}},
                     {404, not_found}}},
      {.method = verb::get,
       .path = "/api/v1/audit_log/",
       .operation_id = "list_audit_log",
       .summary = "Who changed whose role, permits or email, or added or deleted whom: newest "
                  "first (masters)",
       .tag = "members",
       .access = Access::master,
       .handler = bind(members, &MemberHandlers::list_audit_log),
       .responses = {{200,
                      {"the entries", {{"type", "array"}, {"items", schema_ref("AuditEntry")}}}},
                     {422, {"a bad query parameter, named", error_schema()}}},
       .query_parameters = page_parameters()},
  };
}

}  // namespace tmeit::http
