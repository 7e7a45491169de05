#include "app/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace tmeit::app {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, BlocksAtTheLimitUntilTheOldestEventLeavesTheWindow) {
  RateLimiter limiter(2, 60s);
  const auto start = RateLimiter::Clock::now();
  EXPECT_FALSE(limiter.try_acquire("a", start));
  EXPECT_FALSE(limiter.try_acquire("a", start + 10s));
  EXPECT_EQ(limiter.try_acquire("a", start + 20s), 40s);
  EXPECT_FALSE(limiter.try_acquire("b", start + 20s));  // keys are counted apart
  EXPECT_FALSE(limiter.try_acquire("a", start + 61s));
}

TEST(RateLimiter, ClearForgetsAKey) {
  RateLimiter limiter(1, 60s);
  limiter.record("a");
  EXPECT_TRUE(limiter.blocked_for("a"));
  limiter.clear("a");
  EXPECT_FALSE(limiter.blocked_for("a"));
}

TEST(RateLimiter, RoundsTheWaitUpToWholeSeconds) {
  RateLimiter limiter(1, 10s);
  const auto start = RateLimiter::Clock::now();
  limiter.record("a", start);
  EXPECT_EQ(limiter.blocked_for("a", start + 8500ms), 2s);
}

TEST(RateLimiter, LongestBlockIsTheLongerWaitOfTwo) {
  RateLimiter accounts(1, 60s);
  RateLimiter addresses(1, 10s);
  EXPECT_EQ(longest_block(accounts, "a", addresses, "x"), 0s);
  accounts.record("a");
  addresses.record("x");
  EXPECT_GE(longest_block(accounts, "a", addresses, "x"), 59s);
  EXPECT_LE(longest_block(accounts, "b", addresses, "x"), 10s);
  EXPECT_GT(longest_block(accounts, "b", addresses, "x"), 0s);
}

}  // namespace
}  // namespace tmeit::app
