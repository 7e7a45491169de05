#include "util/uuid.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(Uuid, IsUuidAcceptsOnlyCanonicalText) {
  EXPECT_TRUE(is_uuid("0b5c8a9e-4f0e-4c1a-9a57-0f6f0d2b1c3A"));
  EXPECT_FALSE(is_uuid("0b5c8a9e4f0e4c1a9a570f6f0d2b1c3a"));
  EXPECT_FALSE(is_uuid("zb5c8a9e-4f0e-4c1a-9a57-0f6f0d2b1c3a"));
}

}  // namespace
}  // namespace tmeit::util
