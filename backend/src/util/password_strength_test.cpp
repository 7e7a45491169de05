#include "util/password_strength.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(PasswordStrength, CommonPasswordsAreTooWeakWithAReason) {
  const auto verdict = judge_password("password123");
  EXPECT_LT(verdict.score, min_password_score);
  ASSERT_TRUE(verdict.problem);
  EXPECT_NE(verdict.problem->find("password too weak"), std::string::npos);
}

TEST(PasswordStrength, ShortPasswordsAreRefusedWhateverTheirEntropy) {
  EXPECT_TRUE(judge_password("x9#Qz!").problem);
}

TEST(PasswordStrength, RandomPassphrasesPass) {
  const auto verdict = judge_password("correct-horse-battery-staple-91");
  EXPECT_GE(verdict.score, min_password_score);
  EXPECT_FALSE(verdict.problem);
}

TEST(PasswordStrength, TheUsersOwnNameCountsAsKnown) {
  EXPECT_TRUE(judge_password("Bartholomew1985", {"bartholomew"}).problem);
}

}  // namespace
}  // namespace tmeit::util
