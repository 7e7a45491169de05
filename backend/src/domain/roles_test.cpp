#include "domain/roles.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

TEST(Roles, NamesRoundTrip) {
  for (const auto name : all_role_names) {
    const auto role = parse_role(name);
    ASSERT_TRUE(role) << name;
    EXPECT_EQ(role_name(*role), name);
  }
  EXPECT_FALSE(parse_role("admin"));
  EXPECT_FALSE(parse_role("Master"));
}

TEST(Roles, MarshalsAndMastersOrganizeEvents) {
  EXPECT_TRUE(organizes_events(Role::master));
  EXPECT_TRUE(organizes_events(Role::marshal));
  EXPECT_FALSE(organizes_events(Role::vraq));
  EXPECT_FALSE(organizes_events(Role::prao));
}

}  // namespace
}  // namespace tmeit::domain
