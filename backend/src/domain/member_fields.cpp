#include "domain/member_fields.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace tmeit::domain {
namespace {

using nlohmann::json;

constexpr bool Y = true;
constexpr bool N = false;

std::size_t index_of(MemberViewer viewer) {
  return static_cast<std::size_t>(viewer);
}

std::optional<std::string> optional_text(const json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<std::string>();
}

/// Writes one field's value in API form.
using FieldWriter = void (*)(util::JsonWriter&, const Member&);

/// The writer of the field called `name`; looked up once per field, not per member.
FieldWriter field_writer(std::string_view name) {
  using W = util::JsonWriter;
  using M = Member;
  if (name == "uuid") return [](W& w, const M& m) { w.string(m.uuid); };
  if (name == "short_uuid") return [](W& w, const M& m) { w.string(m.short_uuid); };
  if (name == "login_email") return [](W& w, const M& m) { w.string(m.login_email); };
  if (name == "current_role") return [](W& w, const M& m) { w.string(role_name(m.role)); };
  if (name == "first_name") return [](W& w, const M& m) { w.string(m.first_name); };
  if (name == "nickname") return [](W& w, const M& m) { w.optional_string(m.nickname); };
  if (name == "last_name") return [](W& w, const M& m) { w.string(m.last_name); };
  if (name == "phone") return [](W& w, const M& m) { w.optional_string(m.phone); };
  if (name == "drivers_license") return [](W& w, const M& m) { w.boolean(m.drivers_license); };
  if (name == "stad") return [](W& w, const M& m) { w.optional_string(m.stad); };
  if (name == "fest") return [](W& w, const M& m) { w.optional_string(m.fest); };
  if (name == "liquor_permit") return [](W& w, const M& m) { w.optional_string(m.liquor_permit); };
  if (name == "created_at") return [](W& w, const M& m) { w.string(m.created_at); };
  if (name == "updated_at") return [](W& w, const M& m) { w.string(m.updated_at); };
  throw std::logic_error("member field without a writer: " + std::string(name));
}

/// The fields `viewer` may read, in matrix order, each with its writer.
const std::vector<ReadableField<Member>>& readable_fields(MemberViewer viewer) {
  static const auto lists = [] {
    std::array<std::vector<ReadableField<Member>>, 4> out;
    for (const auto& field : member_fields()) {
      for (std::size_t v = 0; v < out.size(); ++v) {
        if (field.read[v]) out[v].push_back({field.spec.name, field_writer(field.spec.name)});
      }
    }
    return out;
  }();
  return lists[index_of(viewer)];
}

/// Stores an already validated API value.
void set_field(Member& m, std::string_view name, const json& value) {
  if (name == "login_email") m.login_email = value.get<std::string>();
  if (name == "current_role") m.role = *parse_role(value.get<std::string>());
  if (name == "first_name") m.first_name = value.get<std::string>();
  if (name == "nickname") m.nickname = optional_text(value);
  if (name == "last_name") m.last_name = value.get<std::string>();
  if (name == "phone") m.phone = optional_text(value);
  if (name == "drivers_license") m.drivers_license = value.get<bool>();
  if (name == "stad") m.stad = optional_text(value);
  if (name == "fest") m.fest = optional_text(value);
  if (name == "liquor_permit") m.liquor_permit = optional_text(value);
}

const MemberField* find_field(std::string_view name) {
  const auto& fields = member_fields();
  const auto found = std::find_if(fields.begin(), fields.end(),
                                  [name](const MemberField& f) { return f.spec.name == name; });
  return found == fields.end() ? nullptr : &*found;
}

/// Fields a master sets when creating a member: everything editable but the role is optional.
bool creatable(const MemberField& field) {
  return field.edit[index_of(MemberViewer::master)];
}

}  // namespace

std::string_view member_viewer_name(MemberViewer viewer) {
  constexpr std::array<std::string_view, 4> names{"public", "member", "self", "master"};
  return names[index_of(viewer)];
}

const std::vector<MemberField>& member_fields() {
  using T = FieldType;
  // clang-format off
  static const std::vector<MemberField> fields = {
    //  field                                                                   read: pub mem self mas   edit: pub mem self mas
    {{"uuid", T::line, false, 0, 0, {}, "the member's id"},                           {Y, Y, Y, Y}, {N, N, N, N}},
    {{"short_uuid", T::line, false, 0, 0, {}, "8-character id used in profile URLs"}, {Y, Y, Y, Y}, {N, N, N, N}},
    {{"login_email", T::email, false, 3, 254, {}, "email used to log in"},           {N, Y, Y, Y}, {N, N, Y, Y}},
    {{"current_role", T::choice, false, 0, 0, all_role_names, "role in the club"},   {Y, Y, Y, Y}, {N, N, N, Y}},
    {{"first_name", T::line, false, 1, 100},                                          {Y, Y, Y, Y}, {N, N, N, Y}},
    {{"nickname", T::line, true, 0, 100},                                             {Y, Y, Y, Y}, {N, N, Y, Y}},
    {{"last_name", T::line, false, 1, 100},                                           {Y, Y, Y, Y}, {N, N, N, Y}},
    {{"phone", T::line, true, 0, 40},                                                 {N, Y, Y, Y}, {N, N, Y, Y}},
    {{"drivers_license", T::boolean, false, 0, 0, {}, "holds a driver's license"},    {N, Y, Y, Y}, {N, N, Y, Y}},
    {{"stad", T::date, true, 0, 0, {}, "date of the cleaning training"},              {N, Y, Y, Y}, {N, N, N, Y}},
    {{"fest", T::date, true, 0, 0, {}, "date of the party training"},                 {N, Y, Y, Y}, {N, N, N, Y}},
    {{"liquor_permit", T::date, true, 0, 0, {}, "date of the liquor permit training"},{N, Y, Y, Y}, {N, N, N, Y}},
    {{"created_at", T::date_time, false, 0, 0, {}, "when the member was added"},      {N, N, N, Y}, {N, N, N, N}},
    {{"updated_at", T::date_time, false, 0, 0, {}, "when the member last changed"},   {N, N, N, Y}, {N, N, N, N}},
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
  write_object(writer, readable_fields(viewer), member);
}

std::string member_json(const Member& member, MemberViewer viewer) {
  std::string out;
  util::JsonWriter writer(out);
  write_member(writer, member, viewer);
  return out;
}

MemberPatchProblems apply_member_patch(Member& member, const json& patch, MemberViewer viewer) {
  MemberPatchProblems problems;
  for (const auto& [name, value] : patch.items()) {
    const auto* field = find_field(name);
    if (field == nullptr || !field->edit[index_of(viewer)]) {
      problems.forbidden_field = name;
      return problems;
    }
    if (auto problem = field_problem(field->spec, value)) problems.invalid[name] = *problem;
  }
  if (!problems.ok()) return problems;
  for (const auto& [name, value] : patch.items()) set_field(member, name, value);
  return problems;
}

json member_schema(MemberViewer viewer) {
  json properties = json::object();
  json required = json::array();
  for (const auto& field : member_fields()) {
    if (!field.read[index_of(viewer)]) continue;
    properties[field.spec.name] = field_schema(field.spec);
    required.push_back(field.spec.name);
  }
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
    if (creatable(field)) properties[field.spec.name] = field_schema(field.spec);
  }
  return {{"type", "object"},
          {"description", "A new member; they set a password through a password reset."},
          {"required", {"login_email", "first_name", "last_name"}},
          {"additionalProperties", false},
          {"properties", properties}};
}

std::optional<Member> member_from_create(const json& body, MemberPatchProblems& problems) {
  for (const auto required : {"login_email", "first_name", "last_name"}) {
    if (!body.contains(required)) problems.invalid[required] = "is required";
  }
  Member member;
  auto patch = apply_member_patch(member, body, MemberViewer::master);
  if (patch.forbidden_field) problems.forbidden_field = patch.forbidden_field;
  problems.invalid.update(patch.invalid);
  if (!problems.ok()) return std::nullopt;
  return member;
}

}  // namespace tmeit::domain
