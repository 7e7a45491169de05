#pragma once

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

/// One row of the member permission matrix: a field and, per viewer (in the order of
/// all_member_viewers), whether they may read and edit it.
struct MemberField {
  FieldSpec spec;
  std::array<bool, 4> read;
  std::array<bool, 4> edit;
};

/// The member permission matrix of mission.md, the one place it is written down: responses,
/// PATCH checks and the OpenAPI schemas are all made from it.
const std::vector<MemberField>& member_fields();

/// How `viewer` (std::nullopt: not logged in) sees `target`. Former trainees (exprao) see
/// what the public sees.
MemberViewer member_viewer_of(const std::optional<Viewer>& viewer, const Member& target);

/// Writes the fields of `member` that `viewer` may read.
void write_member(util::JsonWriter& writer, const Member& member, MemberViewer viewer);
/// The fields of `member` that `viewer` may read, as JSON text.
std::string member_json(const Member& member, MemberViewer viewer);

/// What is wrong with a PATCH: the first field the viewer may not edit (or that does not
/// exist), and the invalid values by field.
struct MemberPatchProblems {
  std::optional<std::string> forbidden_field;
  nlohmann::json invalid = nlohmann::json::object();
  bool ok() const { return !forbidden_field && invalid.empty(); }
};

/// Applies `patch` (a JSON object of field → new value; null, false and "" are values) to
/// `member` when every field is editable by `viewer` and valid; otherwise leaves `member` alone
/// and says why.
MemberPatchProblems apply_member_patch(Member& member, const nlohmann::json& patch,
                                       MemberViewer viewer);

/// The OpenAPI schema of a member as `viewer` sees it.
nlohmann::json member_schema(MemberViewer viewer);

/// The OpenAPI schema of a PATCH body: every field someone may edit, with who may.
nlohmann::json member_patch_schema();

/// The fields a master gives when creating a member, and their schema.
nlohmann::json member_create_schema();

/// A new member from a create request (validated; 'problems' holds invalid or unknown fields).
std::optional<Member> member_from_create(const nlohmann::json& body, MemberPatchProblems& problems);

}  // namespace tmeit::domain
