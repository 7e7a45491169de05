#include "domain/event_visibility.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

using Names = std::vector<std::string>;

std::optional<Viewer> as(Role role) {
  return Viewer{"u", "s", "a@b.se", role, "A", "B"};
}

TEST(EventVisibility, PublicSeesOnlyPublicEvents) {
  EXPECT_EQ(visible_visibilities(std::nullopt), Names({"public"}));
}

TEST(EventVisibility, PraoSeesAllButElected) {
  EXPECT_EQ(visible_visibilities(as(Role::prao)), Names({"public", "internal"}));
}

TEST(EventVisibility, OtherActiveMembersSeeEverything) {
  const Names all{"public", "internal", "elected"};
  EXPECT_EQ(visible_visibilities(as(Role::vraq)), all);
  EXPECT_EQ(visible_visibilities(as(Role::marshal)), all);
  EXPECT_EQ(visible_visibilities(as(Role::master)), all);
}

TEST(EventVisibility, FormerTraineesSeeWhatThePublicSees) {
  EXPECT_EQ(visible_visibilities(as(Role::exprao)), Names({"public"}));
}

TEST(EventVisibility, FormerMembersSeeInternalButNotElected) {
  EXPECT_EQ(visible_visibilities(as(Role::ex)), Names({"public", "internal"}));
}

TEST(EventVisibility, CanSeeEventFollowsTheList) {
  EXPECT_TRUE(can_see_event(std::nullopt, "public"));
  EXPECT_FALSE(can_see_event(std::nullopt, "internal"));
  EXPECT_FALSE(can_see_event(as(Role::prao), "elected"));
  EXPECT_TRUE(can_see_event(as(Role::vraq), "elected"));
  EXPECT_FALSE(can_see_event(as(Role::master), "secret"));
}

}  // namespace
}  // namespace tmeit::domain
