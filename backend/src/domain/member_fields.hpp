#pragma once

#include "domain/field_access.hpp"
#include "domain/fields.hpp"
#include "domain/member.hpp"
#include "domain/roles.hpp"
#include "util/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace tmeit::domain {

/// Who looks at a member, as the permission matrix tells them apart. A master is always
/// `master`, also on their own profile (master wins over self).
enum class MemberViewer { public_viewer, member, self, master };

inline constexpr std::array all_member_viewers{MemberViewer::public_viewer, MemberViewer::member,
                                               MemberViewer::self, MemberViewer::master};

/// "public", "member", "self", "master": for schema names and messages.
std::string_view member_viewer_name(MemberViewer viewer);

/// One row of the member permission matrix: a field, the Member member that holds it and, per
/// viewer (in the order of all_member_viewers), whether they may read and edit it.
struct MemberField {
  FieldSpec spec;
  FieldAccess<Member> value;
  std::array<bool, 4> read;
  std::array<bool, 4> edit;
  std::string_view column = {};  // the members column, when its name is not spec.name
};

/// The member permission matrix of docs/domain.md, the one place a member field is written down:
/// responses, PATCH and create checks, the OpenAPI schemas and the members repository's columns
/// and statements are all made from it.
const std::vector<MemberField>& member_fields();

/// The column of the members table that holds `field`.
inline std::string_view member_column(const MemberField& field) {
  return field.column.empty() ? field.spec.name : field.column;
}

/// True for the fields a master may edit: the ones creating and updating a member write.
inline bool member_field_written(const MemberField& field) {
  return field.edit[static_cast<std::size_t>(MemberViewer::master)];
}

/// How `viewer` (std::nullopt: not logged in) sees `target`. Former trainees (exprao) see
/// what the public sees.
MemberViewer member_viewer_of(const std::optional<Viewer>& viewer, const Member& target);

/// Writes the fields of `member` that `viewer` may read.
void write_member(util::JsonWriter& writer, const Member& member, MemberViewer viewer);
/// The fields of `member` that `viewer` may read, as JSON text.
std::string member_json(const Member& member, MemberViewer viewer);

/// Applies `patch` (a JSON object of field → new value; null, false and "" are values) to
/// `member` when every field is editable by `viewer` and valid; otherwise leaves `member` alone
/// and says why: the first field the viewer may not edit (or that does not exist), or every
/// invalid value.
FieldProblems apply_member_patch(Member& member, const nlohmann::json& patch, MemberViewer viewer);

/// The OpenAPI schema of a member as `viewer` sees it.
nlohmann::json member_schema(MemberViewer viewer);

/// The OpenAPI schema of a PATCH body: every field someone may edit, with who may.
nlohmann::json member_patch_schema();

/// The fields a master gives when creating a member, and their schema.
nlohmann::json member_create_schema();

/// Fills `member` (a new one) from a create request; what is wrong with it when not ok (then
/// `member` is not to be used).
FieldProblems member_from_create(const nlohmann::json& body, Member& member);

}  // namespace tmeit::domain
