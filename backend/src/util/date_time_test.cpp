#include "util/date_time.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(DateTime, DatesMustBeRealCalendarDays) {
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_FALSE(is_date("2023-13-01"));
  EXPECT_FALSE(is_date("2023-1-01"));
  EXPECT_FALSE(is_date("20230101"));
}

TEST(DateTime, DatesStartAtTheYearOne) {
  EXPECT_FALSE(is_date("0000-01-01"));
  EXPECT_TRUE(is_date("0001-01-01"));
  EXPECT_TRUE(is_date("9999-12-31"));
}

TEST(DateTime, ZoneOffsetsGoUpTo1559) {
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00+15:59"));
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00-15:59"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00+16:00"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00-23:59"));
}

TEST(DateTime, DateTimesNeedSecondsAndAZone) {
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00Z"));
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00.250+01:00"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00"));
  EXPECT_FALSE(is_date_time("2026-11-26 18:00"));
  EXPECT_FALSE(is_date_time("2026-11-26T24:00:00Z"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00+1:00"));
}

TEST(DateTime, StorableDateTimesLieInTheYears1To9999InUtc) {
  EXPECT_TRUE(is_storable_date_time("0001-01-01T00:00:00Z"));
  EXPECT_TRUE(is_storable_date_time("9999-12-31T23:59:59.999999Z"));
  EXPECT_TRUE(is_storable_date_time("0001-01-01T10:00:00+10:00"));
  EXPECT_FALSE(is_storable_date_time("0001-01-01T00:00:00+01:00"));  // 0000-12-31 in UTC: 1 BC
  EXPECT_FALSE(is_storable_date_time("9999-12-31T23:30:00-01:00"));  // the year 10000 in UTC
  EXPECT_FALSE(is_storable_date_time("0000-01-01T00:00:00Z"));
}

TEST(DateTime, ParseDateTimeHonoursTheZone) {
  EXPECT_EQ(parse_date_time("2026-11-26T19:00:00+01:00"), parse_date_time("2026-11-26T18:00:00Z"));
  EXPECT_LT(parse_date_time("2026-11-26T18:00:00.5Z"), parse_date_time("2026-11-26T18:00:01Z"));
  EXPECT_FALSE(parse_date_time("2026-11-26 18:00"));
}

}  // namespace
}  // namespace tmeit::util
