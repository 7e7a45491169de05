#include "app/open_files.hpp"

#include <gtest/gtest.h>

namespace tmeit::app {
namespace {

TEST(OpenFiles, ConnectionsLeaveRoomForTheRestAndTheTenPercentMargin) {
  EXPECT_EQ(connections_within(1048576, 10000), 10000u);
  // 20000 - 128 reserved = 19872; the hard limit is 110 % of the result.
  EXPECT_EQ(connections_within(20000, 50000), 18065u);
  EXPECT_EQ(connections_within(1024, 10000), 814u);
  EXPECT_EQ(connections_within(100, 10000), 45u);
}

TEST(OpenFiles, RaisingNeverLowersTheLimit) {
  EXPECT_GE(raise_open_files_limit(), 64u);
}

}  // namespace
}  // namespace tmeit::app
