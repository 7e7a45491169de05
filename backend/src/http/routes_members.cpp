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

}  // namespace

nlohmann::json member_schemas() {
  nlohmann::json schemas = nlohmann::json::object();
  for (const auto viewer : domain::all_member_viewers) {
    schemas[member_schema_name(viewer)] = domain::member_schema(viewer);
  }
  schemas["MemberPatch"] = domain::member_patch_schema();
  schemas["MemberCreate"] = domain::member_create_schema();
  return schemas;
}

std::vector<Route> member_routes(MemberHandlers& members) {
  using bhttp::verb;
  const ResponseDoc not_found{"no such member", error_schema()};
  const ResponseDoc conflict{"the email is taken", error_schema()};
  const ResponseDoc invalid{"invalid values, by field", error_schema()};
  const ResponseDoc forbidden_field{"a field the caller may not set, named", error_schema()};
  return {
      {verb::get,
       "/api/v1/members/",
       "list_members",
       "All members, each shaped by what the caller may see",
       "members",
       Access::optional_login,
       bind(members, &MemberHandlers::list_members),
       nullptr,
       {{200, {"the members", {{"type", "array"}, {"items", member_any_viewer()}}}}}},
      {verb::get,
       "/api/v1/members/{short_uuid}",
       "get_member",
       "One member, shaped by what the caller may see",
       "members",
       Access::optional_login,
       bind(members, &MemberHandlers::get_member),
       nullptr,
       {{200, {"the member", member_any_viewer()}}, {404, not_found}}},
      {verb::post,
       "/api/v1/members/create",
       "create_member",
       "Add a member (masters); they set a password through a password reset",
       "members",
       Access::master,
       bind(members, &MemberHandlers::create_member),
       schema_ref("MemberCreate"),
       {{200, {"the new member", schema_ref("MemberAsMaster")}},
        {400, forbidden_field},
        {409, conflict},
        {422, invalid}}},
      {verb::patch,
       "/api/v1/members/{short_uuid}",
       "patch_member",
       "Change fields of a member: one's own editable fields, or any field for masters",
       "members",
       Access::member,
       bind(members, &MemberHandlers::patch_member),
       schema_ref("MemberPatch"),
       {{200, {"the member after the change", member_any_viewer()}},
        {400, forbidden_field},
        {403, {"someone else's profile, and the caller is no master", error_schema()}},
        {404, not_found},
        {409, conflict},
        {422, invalid}}},
      {verb::delete_,
       "/api/v1/members/{short_uuid}",
       "delete_member",
       "Remove a member (masters); their tokens stop working at once",
       "members",
       Access::master,
       bind(members, &MemberHandlers::delete_member),
       nullptr,
       {{200, {"deleted", deleted_schema("short_uuid")}},
        {404, not_found},
        {409, {"one's own account", error_schema()}}}},
  };
}

}  // namespace tmeit::http
