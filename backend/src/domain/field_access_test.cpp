#include "domain/field_access.hpp"

#include "domain/event_fields.hpp"
#include "domain/member_fields.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace tmeit::domain {
namespace {

using nlohmann::json;

/// True when a row of type `Row` can be written without saying where its value lives.
template <class Row>
constexpr bool row_without_value_compiles = requires {
  Row{.spec = FieldSpec{}};
};

TEST(FieldAccess, ARowWithoutAMemberPointerDoesNotCompile) {
  static_assert(!std::is_default_constructible_v<FieldAccess<Member>>);
  static_assert(!row_without_value_compiles<MemberField>);
  static_assert(!row_without_value_compiles<EventField>);
}

TEST(FieldAccess, WritesSetsAndStoresThroughTheMember) {
  const FieldAccess<Member> phone = &Member::phone;
  Member member;
  phone.set(member, "070-1");
  EXPECT_EQ(member.phone, "070-1");
  EXPECT_EQ(phone.text(member), "070-1");
  phone.set(member, nullptr);
  EXPECT_EQ(phone.text(member), std::nullopt);
  std::string out;
  util::JsonWriter writer(out);
  phone.write(writer, member);
  EXPECT_EQ(out, "null");
}

TEST(FieldAccess, BooleansAreTrueAndFalseToTheDatabaseAndTAndFFromIt) {
  const FieldAccess<Member> license = &Member::drivers_license;
  Member member;
  license.set_text(member, "t");
  EXPECT_TRUE(member.drivers_license);
  EXPECT_EQ(license.text(member), "true");
  license.set_text(member, "f");
  EXPECT_EQ(license.text(member), "false");
  EXPECT_THROW(license.set_text(member, std::nullopt), std::runtime_error);
}

TEST(FieldAccess, TheRoleIsItsNameEverywhere) {
  const auto& role = member_fields()[3];
  ASSERT_EQ(role.spec.name, "current_role");
  EXPECT_EQ(member_column(role), "role");
  Member member;
  role.value.set(member, "marshal");
  EXPECT_EQ(member.role, Role::marshal);
  EXPECT_EQ(role.value.text(member), "marshal");
  role.value.set_text(member, "exprao");
  EXPECT_EQ(member.role, Role::exprao);
  EXPECT_THROW(role.value.set_text(member, "admin"), std::runtime_error);
  std::string out;
  util::JsonWriter writer(out);
  role.value.write(writer, member);
  EXPECT_EQ(out, "\"exprao\"");
}

}  // namespace
}  // namespace tmeit::domain
