// One test per cell of the member permission matrix (domain/member_fields.cpp): for every
// field and every kind of viewer, whether a GET shows the field and whether a PATCH may set it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "domain/member_fields.hpp"
#include "support/club.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using domain::MemberViewer;
using nlohmann::json;

struct Cell {
  std::string field;
  MemberViewer viewer;
  bool expected;  // what the matrix says
};

void PrintTo(const Cell& cell, std::ostream* out) {
  *out << cell.field << " by " << domain::member_viewer_name(cell.viewer) << ": "
       << (cell.expected ? "allowed" : "refused");
}

std::string cell_name(const ::testing::TestParamInfo<Cell>& info) {
  return info.param.field + "_by_" + std::string(domain::member_viewer_name(info.param.viewer));
}

std::vector<Cell> cells(bool edit) {
  std::vector<Cell> out;
  for (const auto& field : domain::member_fields()) {
    for (std::size_t i = 0; i < domain::all_member_viewers.size(); ++i) {
      out.push_back({std::string(field.spec.name), domain::all_member_viewers[i],
                     edit ? field.edit[i] : field.read[i]});
    }
  }
  return out;
}

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
class MatrixTest : public ::testing::TestWithParam<Cell> {
 protected:
  MatrixTest() {
    target_ = add_member(server_, "target@example.com", "vraq");
    add_member(server_, "other@example.com", "vraq");
    add_member(server_, "boss@example.com", "master");
  }

  /// The token of a viewer of kind `viewer` looking at the target (empty: not logged in).
  std::string token_for(MemberViewer viewer) {
    switch (viewer) {
      case MemberViewer::public_viewer:
        return {};
      case MemberViewer::member:
        return login(server_, "other@example.com");
      case MemberViewer::self:
        return login(server_, "target@example.com");
      case MemberViewer::master:
        return login(server_, "boss@example.com");
    }
    return {};
  }

  TestServer server_;
  TestMember target_;
};

class MemberReadMatrix : public MatrixTest {};
class MemberEditMatrix : public MatrixTest {};

TEST_P(MemberReadMatrix, GetShowsTheFieldExactlyWhenTheMatrixSays) {
  const auto& cell = GetParam();
  const auto token = token_for(cell.viewer);
  const auto headers = token.empty() ? Headers{} : bearer(token);
  const auto one = server_.get("/api/v1/members/" + target_.short_uuid, headers);
  ASSERT_EQ(one.result_int(), 200) << one.body();
  EXPECT_EQ(json::parse(one.body()).contains(cell.field), cell.expected);
  const auto all = json::parse(server_.get("/api/v1/members/", headers).body());
  const auto listed = std::find_if(all.begin(), all.end(), [&](const json& member) {
    return member.value("short_uuid", "") == target_.short_uuid;
  });
  ASSERT_NE(listed, all.end()) << "the target is in the list";
  EXPECT_EQ(listed->contains(cell.field), cell.expected) << "in the list";
}

TEST_P(MemberEditMatrix, PatchSetsTheFieldExactlyWhenTheMatrixSays) {
  const auto& cell = GetParam();
  const auto token = token_for(cell.viewer);
  const auto headers = token.empty() ? json_headers() : json_headers(bearer(token));
  const json body{{cell.field, sample_value(cell.field)}};
  const auto response = fetch(server_.port(), http::verb::patch,
                              "/api/v1/members/" + target_.short_uuid, headers, body.dump());
  if (cell.viewer == MemberViewer::public_viewer) {
    EXPECT_TRUE(is_json_error(response, 401));  // editing needs a login at all
  } else if (cell.expected) {
    ASSERT_EQ(response.result_int(), 200) << response.body();
    const auto answer = json::parse(response.body());
    // A role change logs the member out, so check the stored value as a master sees it.
    const auto stored = json::parse(
        server_
            .get("/api/v1/members/" + target_.short_uuid, bearer(token_for(MemberViewer::master)))
            .body());
    EXPECT_EQ(stored.at(cell.field), body.at(cell.field));
    EXPECT_TRUE(answer.is_object());
  } else if (cell.viewer == MemberViewer::member) {
    EXPECT_TRUE(is_json_error(response, 403));  // someone else's profile, as in the original
  } else {
    EXPECT_TRUE(is_json_error(response, 400));
    EXPECT_NE(response.body().find(cell.field), std::string::npos) << "the error names the field";
  }
}

INSTANTIATE_TEST_SUITE_P(Cells, MemberReadMatrix, ::testing::ValuesIn(cells(false)), cell_name);
INSTANTIATE_TEST_SUITE_P(Cells, MemberEditMatrix, ::testing::ValuesIn(cells(true)), cell_name);

}  // namespace
}  // namespace tmeit::test
