#include "domain/member_fields.hpp"

#include <array>
#include <stdexcept>

namespace tmeit::domain {

// A member's role as a field value (FieldAccess<Member> finds these by argument-dependent
// lookup): its API name in JSON and in the database.
static void write_value(util::JsonWriter& writer, Role role) {
  writer.string(role_name(role));
}
static void set_value(Role& out, const nlohmann::json& value) {
  out = *parse_role(value.get<std::string>());
}
static std::optional<std::string> value_text(Role role) {
  return std::string(role_name(role));
}
static void set_from_text(Role& out, std::optional<std::string_view> text) {
  const auto role = parse_role(text.value_or(""));
  if (!role) throw std::runtime_error("members: unknown role in the database");
  out = *role;
}

namespace {

using nlohmann::json;

constexpr bool Y = true;
constexpr bool N = false;

std::size_t index_of(MemberViewer viewer) {
  return static_cast<std::size_t>(viewer);
}

/// The fields `viewer` may read, in matrix order.
const std::vector<const MemberField*>& readable_fields(MemberViewer viewer) {
  static const auto lists = [] {
    std::array<std::vector<const MemberField*>, 4> out;
    for (const auto& field : member_fields()) {
      for (std::size_t v = 0; v < out.size(); ++v) {
        if (field.read[v]) out[v].push_back(&field);
      }
    }
    return out;
  }();
  return lists[index_of(viewer)];
}

}  // namespace

std::string_view member_viewer_name(MemberViewer viewer) {
  constexpr std::array<std::string_view, 4> names{"public", "member", "self", "master"};
  return names[index_of(viewer)];
}

const std::vector<MemberField>& member_fields() {
  using T = FieldType;
  using M = Member;
  // clang-format off
  static const std::vector<MemberField> fields = {
    {.spec = {.name = "uuid", .type = T::line, .description = "the member's id"},
     .value = &M::uuid,            .read = {Y, Y, Y, Y}, .edit = {N, N, N, N}},
    {.spec = {.name = "short_uuid", .type = T::line, .description = "8-character id used in profile URLs"},
     .value = &M::short_uuid,      .read = {Y, Y, Y, Y}, .edit = {N, N, N, N}},
    {.spec = {.name = "login_email", .type = T::email, .min_length = 3, .max_length = 254, .description = "email used to log in"},
     .value = &M::login_email,     .read = {N, Y, Y, Y}, .edit = {N, N, Y, Y}},
    {.spec = {.name = "current_role", .type = T::choice, .choices = all_role_names, .description = "role in the club"},
     .value = &M::role,            .read = {Y, Y, Y, Y}, .edit = {N, N, N, Y}, .column = "role"},
    {.spec = {.name = "first_name", .type = T::line, .min_length = 1, .max_length = 100},
     .value = &M::first_name,      .read = {Y, Y, Y, Y}, .edit = {N, N, N, Y}},
    {.spec = {.name = "nickname", .type = T::line, .nullable = true, .max_length = 100},
     .value = &M::nickname,        .read = {Y, Y, Y, Y}, .edit = {N, N, Y, Y}},
    {.spec = {.name = "last_name", .type = T::line, .min_length = 1, .max_length = 100},
     .value = &M::last_name,       .read = {Y, Y, Y, Y}, .edit = {N, N, N, Y}},
    {.spec = {.name = "phone", .type = T::line, .nullable = true, .max_length = 40},
     .value = &M::phone,           .read = {N, Y, Y, Y}, .edit = {N, N, Y, Y}},
    {.spec = {.name = "drivers_license", .type = T::boolean, .description = "holds a driver's license"},
     .value = &M::drivers_license, .read = {N, Y, Y, Y}, .edit = {N, N, Y, Y}},
    {.spec = {.name = "stad", .type = T::date, .nullable = true, .description = "date of the cleaning training"},
     .value = &M::stad,            .read = {N, Y, Y, Y}, .edit = {N, N, N, Y}},
    {.spec = {.name = "fest", .type = T::date, .nullable = true, .description = "date of the party training"},
     .value = &M::fest,            .read = {N, Y, Y, Y}, .edit = {N, N, N, Y}},
    {.spec = {.name = "liquor_permit", .type = T::date, .nullable = true, .description = "date of the liquor permit training"},
     .value = &M::liquor_permit,   .read = {N, Y, Y, Y}, .edit = {N, N, N, Y}},
    {.spec = {.name = "created_at", .type = T::date_time, .description = "when the member was added"},
     .value = &M::created_at,      .read = {N, N, N, Y}, .edit = {N, N, N, N}},
    {.spec = {.name = "updated_at", .type = T::date_time, .description = "when the member last changed"},
     .value = &M::updated_at,      .read = {N, N, N, Y}, .edit = {N, N, N, N}},
  };
  // clang-format on
  return fields;
}

MemberViewer member_viewer_of(const std::optional<Viewer>& viewer, const Member& target) {
  if (!viewer || viewer->role == Role::exprao) return MemberViewer::public_viewer;
  if (viewer->role == Role::master) return MemberViewer::master;
  if (viewer->uuid == target.uuid) return MemberViewer::self;
  return MemberViewer::member;
}

void write_member(util::JsonWriter& writer, const Member& member, MemberViewer viewer) {
  writer.begin_object();
  write_field_members(writer, readable_fields(viewer), member);
  // Not a row of the matrix: everyone may see photos, but the public only public ones.
  writer.key("photo");
  write_photo_ref(writer, member.photo, viewer == MemberViewer::public_viewer);
  writer.end_object();
}

std::string member_json(const Member& member, MemberViewer viewer) {
  std::string out;
  util::JsonWriter writer(out);
  write_member(writer, member, viewer);
  return out;
}

FieldProblems apply_member_patch(Member& member, const json& patch, MemberViewer viewer) {
  const auto may_edit = [viewer](const MemberField& field) { return field.edit[index_of(viewer)]; };
  return apply_fields(member, patch, member_fields(), may_edit,
                      "does not exist or may not be changed by you");
}

json member_schema(MemberViewer viewer) {
  json properties = json::object();
  json required = json::array();
  for (const auto& field : member_fields()) {
    if (!field.read[index_of(viewer)]) continue;
    properties[field.spec.name] = field_schema(field.spec);
    required.push_back(field.spec.name);
  }
  properties["photo"] = photo_urls_schema(true);
  properties["photo"]["description"] =
      viewer == MemberViewer::public_viewer
          ? "the member's primary photo when it is public, else null"
          : "the member's primary photo, null when they have none";
  // Always sent, yet not in `required`: clients typed before photos existed stay valid.
  return {{"type", "object"},
          {"description", "A member as " + std::string(member_viewer_name(viewer)) + " sees it."},
          {"required", required},
          {"properties", properties}};
}

json member_patch_schema() {
  json properties = json::object();
  for (const auto& field : member_fields()) {
    std::string editors;
    for (const auto viewer : all_member_viewers) {
      if (!field.edit[index_of(viewer)]) continue;
      editors += editors.empty() ? "" : ", ";
      editors += member_viewer_name(viewer);
    }
    if (editors.empty()) continue;
    auto schema = field_schema(field.spec);
    schema["description"] = "editable by: " + editors;
    properties[field.spec.name] = schema;
  }
  return {{"type", "object"},
          {"description",
           "Only the fields to change. A field the caller may not edit is a 400 naming it."},
          {"minProperties", 1},
          {"additionalProperties", false},
          {"properties", properties}};
}

json member_create_schema() {
  json properties = json::object();
  for (const auto& field : member_fields()) {
    if (member_field_written(field)) properties[field.spec.name] = field_schema(field.spec);
  }
  return {{"type", "object"},
          {"description", "A new member; they set a password through a password reset."},
          {"required", {"login_email", "first_name", "last_name"}},
          {"additionalProperties", false},
          {"properties", properties}};
}

FieldProblems member_from_create(const json& body, Member& member) {
  auto problems = apply_member_patch(member, body, MemberViewer::master);
  for (const auto required : {"login_email", "first_name", "last_name"}) {
    if (!body.contains(required)) problems.invalid[required] = "is required";
  }
  return problems;
}

}  // namespace tmeit::domain
