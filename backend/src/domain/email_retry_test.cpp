#include "domain/email_retry.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

using namespace std::chrono_literals;

TEST(EmailRetry, DoublesFromTheBase) {
  EXPECT_EQ(retry_delay(1, 30s), 30s);
  EXPECT_EQ(retry_delay(2, 30s), 60s);
  EXPECT_EQ(retry_delay(3, 30s), 120s);
}

TEST(EmailRetry, IsCappedAtOneHour) {
  EXPECT_EQ(retry_delay(8, 30s), 1h);
  EXPECT_EQ(retry_delay(1000, 30s), 1h);
  EXPECT_EQ(retry_delay(1, 2h), 1h);
}

}  // namespace
}  // namespace tmeit::domain
