// Every cell of the member permission matrix of mission.md: for every field and every kind of
// viewer, whether a GET shows the field and whether a PATCH may set it (a failure names its cell).
// The expected cells are written out here, not read from domain/member_fields.cpp, so a changed
// cell in the code fails a test until this table agrees.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "support/club.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr bool Y = true;
constexpr bool N = false;

/// One cell of the matrix: may `viewer` (public, member, self, master) read and edit `field`?
struct Cell {
  const char* field;
  const char* viewer;
  bool read;
  bool edit;
};

// clang-format off
constexpr Cell matrix[] = {
    //  field            viewer    read edit
    {"uuid", "public", Y, N},
    {"uuid", "member", Y, N},
    {"uuid", "self", Y, N},
    {"uuid", "master", Y, N},
    {"short_uuid", "public", Y, N},
    {"short_uuid", "member", Y, N},
    {"short_uuid", "self", Y, N},
    {"short_uuid", "master", Y, N},
    {"login_email", "public", N, N},
    {"login_email", "member", Y, N},
    {"login_email", "self", Y, Y},
    {"login_email", "master", Y, Y},
    {"current_role", "public", Y, N},
    {"current_role", "member", Y, N},
    {"current_role", "self", Y, N},
    {"current_role", "master", Y, Y},
    {"first_name", "public", Y, N},
    {"first_name", "member", Y, N},
    {"first_name", "self", Y, N},
    {"first_name", "master", Y, Y},
    {"nickname", "public", Y, N},
    {"nickname", "member", Y, N},
    {"nickname", "self", Y, Y},
    {"nickname", "master", Y, Y},
    {"last_name", "public", Y, N},
    {"last_name", "member", Y, N},
    {"last_name", "self", Y, N},
    {"last_name", "master", Y, Y},
    {"phone", "public", N, N},
    {"phone", "member", Y, N},
    {"phone", "self", Y, Y},
    {"phone", "master", Y, Y},
    {"drivers_license", "public", N, N},
    {"drivers_license", "member", Y, N},
    {"drivers_license", "self", Y, Y},
    {"drivers_license", "master", Y, Y},
    {"stad", "public", N, N},
    {"stad", "member", Y, N},
    {"stad", "self", Y, N},
    {"stad", "master", Y, Y},
    {"fest", "public", N, N},
    {"fest", "member", Y, N},
    {"fest", "self", Y, N},
    {"fest", "master", Y, Y},
    {"liquor_permit", "public", N, N},
    {"liquor_permit", "member", Y, N},
    {"liquor_permit", "self", Y, N},
    {"liquor_permit", "master", Y, Y},
    {"created_at", "public", N, N},
    {"created_at", "member", N, N},
    {"created_at", "self", N, N},
    {"created_at", "master", Y, N},
    {"updated_at", "public", N, N},
    {"updated_at", "member", N, N},
    {"updated_at", "self", N, N},
    {"updated_at", "master", Y, N},
};
// clang-format on

std::string describe(const Cell& cell) {
  return std::string(cell.field) + " by " + cell.viewer + ": read " + (cell.read ? "yes" : "no") +
         ", edit " + (cell.edit ? "yes" : "no");
}

/// The matrix's cells whose `member` (Cell::field or Cell::viewer) is `value`, in table order.
std::vector<Cell> cells_where(const char* Cell::*member, std::string_view value) {
  std::vector<Cell> cells;
  std::copy_if(std::begin(matrix), std::end(matrix), std::back_inserter(cells),
               [&](const Cell& cell) { return cell.*member == value; });
  return cells;
}

// One test per viewer (reads) and per field (edits), each walking its cells of the table: a test
// starts a server and logs members in, so a test per cell would spend minutes of the suite on that.
constexpr const char* viewer_kinds[] = {"public", "member", "self", "master"};
constexpr const char* fields[] = {
    "uuid",     "short_uuid",    "login_email", "current_role",    "first_name",
    "nickname", "last_name",     "phone",       "drivers_license", "stad",
    "fest",     "liquor_permit", "created_at",  "updated_at"};

/// A valid new value for each field (for fields nobody may edit, any value: it is refused).
json sample_value(const std::string& field) {
  if (field == "login_email") return "changed@example.com";
  if (field == "current_role") return "marshal";
  if (field == "nickname") return "";
  if (field == "phone") return nullptr;
  if (field == "drivers_license") return true;
  if (field == "stad" || field == "fest" || field == "liquor_permit") return "2025-01-31";
  if (field == "first_name" || field == "last_name") return "Changed";
  return "anything";
}

/// A server with the target member and one login per kind of viewer.
class MatrixTest : public ::testing::Test {
 protected:
  MatrixTest() {
    target_ = add_member(server_, "target@example.com", "vraq");
    add_member(server_, "other@example.com", "vraq");
    add_member(server_, "boss@example.com", "master");
  }

  /// The token of a viewer of kind `viewer` looking at the target (empty: not logged in).
  std::string token_for(std::string_view viewer) {
    if (viewer == "member") return login(server_, "other@example.com");
    if (viewer == "self") return login(server_, "target@example.com");
    if (viewer == "master") return login(server_, "boss@example.com");
    return {};
  }

  TestServer server_;
  TestMember target_;
};

/// Parameter: the viewer whose reads of every field are checked.
class MemberReadMatrix : public MatrixTest, public ::testing::WithParamInterface<const char*> {};
/// Parameter: the field whose edits by every viewer are checked.
class MemberEditMatrix : public MatrixTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(MemberReadMatrix, GetShowsEachFieldExactlyWhenTheMatrixSays) {
  const auto token = token_for(GetParam());
  const auto headers = token.empty() ? Headers{} : bearer(token);
  const auto one = server_.get("/api/v1/members/" + target_.short_uuid, headers);
  ASSERT_EQ(one.result_int(), 200) << one.body();
  const auto member = json::parse(one.body());
  const auto all = json::parse(server_.get("/api/v1/members/", headers).body());
  const auto listed = std::find_if(all.begin(), all.end(), [&](const json& each) {
    return each.value("short_uuid", "") == target_.short_uuid;
  });
  ASSERT_NE(listed, all.end()) << "the target is in the list";
  const auto cells = cells_where(&Cell::viewer, GetParam());
  ASSERT_EQ(cells.size(), std::size(fields));
  for (const auto& cell : cells) {
    SCOPED_TRACE(describe(cell));
    EXPECT_EQ(member.contains(cell.field), cell.read);
    EXPECT_EQ(listed->contains(cell.field), cell.read) << "in the list";
  }
}

TEST_P(MemberEditMatrix, PatchSetsTheFieldExactlyWhenTheMatrixSays) {
  const auto cells = cells_where(&Cell::field, GetParam());
  ASSERT_EQ(cells.size(), std::size(viewer_kinds));
  for (const auto& cell : cells) {  // public, member, self, master: a later edit may repeat one
    SCOPED_TRACE(describe(cell));
    const auto token = token_for(cell.viewer);
    const auto headers = token.empty() ? json_headers() : json_headers(bearer(token));
    const json body{{cell.field, sample_value(cell.field)}};
    const auto response = fetch(server_.port(), http::verb::patch,
                                "/api/v1/members/" + target_.short_uuid, headers, body.dump());
    if (std::string_view(cell.viewer) == "public") {
      EXPECT_FALSE(cell.edit) << "the public edits nothing";
      EXPECT_TRUE(is_json_error(response, 401));  // editing needs a login at all
    } else if (cell.edit) {
      ASSERT_EQ(response.result_int(), 200) << response.body();
      // A role change logs the member out, so check the stored value as a master sees it.
      const auto stored = json::parse(
          server_.get("/api/v1/members/" + target_.short_uuid, bearer(token_for("master"))).body());
      EXPECT_EQ(stored.at(cell.field), body.at(cell.field));
    } else if (std::string_view(cell.viewer) == "member") {
      EXPECT_TRUE(is_json_error(response, 403));  // someone else's profile, as in the original
    } else {
      EXPECT_TRUE(is_json_error(response, 400)) << response.body();
      EXPECT_NE(response.body().find(cell.field), std::string::npos) << "the error names the field";
    }
  }
}

std::string param_name(const ::testing::TestParamInfo<const char*>& info) {
  return info.param;
}

INSTANTIATE_TEST_SUITE_P(Viewers, MemberReadMatrix, ::testing::ValuesIn(viewer_kinds), param_name);
INSTANTIATE_TEST_SUITE_P(Fields, MemberEditMatrix, ::testing::ValuesIn(fields), param_name);

}  // namespace
}  // namespace tmeit::test
