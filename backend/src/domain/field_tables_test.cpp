// The field tables of members, events and sign-ups, pinned row by row: type, null, lengths and,
// for members, who may read and edit. Every expectation is written out here; a change to a table
// must change this file too, on purpose.
#include "domain/event_fields.hpp"
#include "domain/member_fields.hpp"
#include "domain/sign_up_fields.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

namespace tmeit::domain {
namespace {

using T = FieldType;

/// A field as the tests expect it.
struct Expected {
  std::string_view name;
  FieldType type;
  bool nullable;
  std::size_t min_length;
  std::size_t max_length;
};

void expect_spec(const FieldSpec& spec, const Expected& expected) {
  EXPECT_EQ(spec.name, expected.name);
  EXPECT_EQ(spec.type, expected.type) << expected.name;
  EXPECT_EQ(spec.nullable, expected.nullable) << expected.name;
  EXPECT_EQ(spec.min_length, expected.min_length) << expected.name;
  EXPECT_EQ(spec.max_length, expected.max_length) << expected.name;
}

/// Read and edit rights per viewer, in the order public, member, self, master: "YNNY".
std::string rights(const std::array<bool, 4>& cells) {
  std::string out;
  for (const bool cell : cells) out += cell ? 'Y' : 'N';
  return out;
}

TEST(FieldTables, MemberFieldsAndTheirPermissions) {
  struct Row {
    Expected spec;
    std::string_view read;
    std::string_view edit;
  };
  // clang-format off
  const std::vector<Row> expected = {
    {{"uuid",            T::line,      false, 0, 0},   "YYYY", "NNNN"},
    {{"short_uuid",      T::line,      false, 0, 0},   "YYYY", "NNNN"},
    {{"login_email",     T::email,     false, 3, 254}, "NYYY", "NNYY"},
    {{"current_role",    T::choice,    false, 0, 0},   "YYYY", "NNNY"},
    {{"first_name",      T::line,      false, 1, 100}, "YYYY", "NNNY"},
    {{"nickname",        T::line,      true,  0, 100}, "YYYY", "NNYY"},
    {{"last_name",       T::line,      false, 1, 100}, "YYYY", "NNNY"},
    {{"phone",           T::line,      true,  0, 40},  "NYYY", "NNYY"},
    {{"drivers_license", T::boolean,   false, 0, 0},   "NYYY", "NNYY"},
    {{"stad",            T::date,      true,  0, 0},   "NYYY", "NNNY"},
    {{"fest",            T::date,      true,  0, 0},   "NYYY", "NNNY"},
    {{"liquor_permit",   T::date,      true,  0, 0},   "NYYY", "NNNY"},
    {{"created_at",      T::date_time, false, 0, 0},   "NNNY", "NNNN"},
    {{"updated_at",      T::date_time, false, 0, 0},   "NNNY", "NNNN"},
  };
  // clang-format on
  const auto& fields = member_fields();
  ASSERT_EQ(fields.size(), expected.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    expect_spec(fields[i].spec, expected[i].spec);
    EXPECT_EQ(rights(fields[i].read), expected[i].read) << "read " << expected[i].spec.name;
    EXPECT_EQ(rights(fields[i].edit), expected[i].edit) << "edit " << expected[i].spec.name;
  }
}

TEST(FieldTables, MemberViewersAreInTheMatrixOrder) {
  EXPECT_EQ(member_viewer_name(all_member_viewers[0]), "public");
  EXPECT_EQ(member_viewer_name(all_member_viewers[1]), "member");
  EXPECT_EQ(member_viewer_name(all_member_viewers[2]), "self");
  EXPECT_EQ(member_viewer_name(all_member_viewers[3]), "master");
}

TEST(FieldTables, RolesAreTheClubsSix) {
  const auto& current_role = member_fields()[3].spec;
  ASSERT_EQ(current_role.choices.size(), 6U);
  const std::vector<std::string_view> roles(current_role.choices.begin(),
                                            current_role.choices.end());
  EXPECT_EQ(roles,
            (std::vector<std::string_view>{"master", "marshal", "vraq", "prao", "ex", "exprao"}));
}

TEST(FieldTables, EventFieldsAndWhichMayBeSet) {
  struct Row {
    Expected spec;
    bool editable;
  };
  // clang-format off
  const std::vector<Row> expected = {
    {{"uuid",        T::line,      false, 0, 0},     false},
    {{"title",       T::line,      false, 1, 200},   true},
    {{"description", T::text,      false, 0, 20000}, true},
    {{"location",    T::line,      false, 0, 200},   true},
    {{"event_start", T::date_time, false, 0, 0},     true},
    {{"event_end",   T::date_time, true,  0, 0},     true},
    {{"visibility",  T::choice,    false, 0, 0},     true},
    {{"created_at",  T::date_time, false, 0, 0},     false},
    {{"updated_at",  T::date_time, false, 0, 0},     false},
  };
  // clang-format on
  const auto& fields = event_fields();
  ASSERT_EQ(fields.size(), expected.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    expect_spec(fields[i].spec, expected[i].spec);
    EXPECT_EQ(fields[i].editable, expected[i].editable) << expected[i].spec.name;
  }
  const auto& visibility = fields[6].spec;
  EXPECT_EQ(std::vector<std::string_view>(visibility.choices.begin(), visibility.choices.end()),
            (std::vector<std::string_view>{"public", "internal", "elected"}));
}

TEST(FieldTables, SignUpFields) {
  // clang-format off
  const std::vector<Expected> expected = {
    {"login_email", T::email, false, 3, 254},
    {"first_name", T::line,  false, 1, 100},
    {"nickname",   T::line,  true,  0, 100},
    {"last_name",  T::line,  false, 1, 100},
    {"phone",      T::line,  true,  0, 40},
    {"password",   T::line,  false, 1, 256},
  };
  // clang-format on
  const auto& fields = sign_up_fields();
  ASSERT_EQ(fields.size(), expected.size());
  for (std::size_t i = 0; i < fields.size(); ++i) expect_spec(fields[i], expected[i]);
}

}  // namespace
}  // namespace tmeit::domain
