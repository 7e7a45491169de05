#include "http/log_redaction.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

TEST(LogRedaction, ResetTokenInSpaPathIsHidden) {
  EXPECT_EQ(loggable_path("/reset/secret-token"), "/reset/***");
}

TEST(LogRedaction, ResetTokenInApiPathIsHidden) {
  EXPECT_EQ(loggable_path("/api/v1/reset/secret-token"), "/api/v1/reset/***");
}

TEST(LogRedaction, OtherPathsAreUnchanged) {
  EXPECT_EQ(loggable_path("/api/v1/reset"), "/api/v1/reset");
  EXPECT_EQ(loggable_path("/events"), "/events");
}

}  // namespace
}  // namespace tmeit::http
