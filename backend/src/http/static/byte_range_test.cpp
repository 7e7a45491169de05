#include "http/static/byte_range.hpp"

#include <gtest/gtest.h>

namespace tmeit::http::static_assets {
namespace {

using Kind = RangeRequest::Kind;

void expect_partial(const RangeRequest& range, std::uint64_t first, std::uint64_t last) {
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.first, first);
  EXPECT_EQ(range.last, last);
}

TEST(StaticFilesByteRange, ClosedRangeIsPartial) {
  expect_partial(parse_range("bytes=0-9", 100), 0, 9);
}

TEST(StaticFilesByteRange, ClosedRangeIsClampedToTheEnd) {
  expect_partial(parse_range("bytes=90-500", 100), 90, 99);
}

TEST(StaticFilesByteRange, OpenEndedRangeRunsToTheEnd) {
  expect_partial(parse_range("bytes=40-", 100), 40, 99);
}

TEST(StaticFilesByteRange, SuffixRangeIsTheLastBytes) {
  expect_partial(parse_range("bytes=-10", 100), 90, 99);
}

TEST(StaticFilesByteRange, SuffixLongerThanContentIsAllOfIt) {
  expect_partial(parse_range("bytes=-500", 100), 0, 99);
}

TEST(StaticFilesByteRange, UnitIsCaseInsensitiveAndSpacesAreAllowed) {
  expect_partial(parse_range(" Bytes= 1-2 ", 100), 1, 2);
}

TEST(StaticFilesByteRange, StartBeyondTheEndIsUnsatisfiable) {
  EXPECT_EQ(parse_range("bytes=100-", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=100-200", 100).kind, Kind::unsatisfiable);
}

TEST(StaticFilesByteRange, EmptySuffixIsUnsatisfiable) {
  EXPECT_EQ(parse_range("bytes=-0", 100).kind, Kind::unsatisfiable);
}

TEST(StaticFilesByteRange, AnyRangeOfAnEmptyFileIsUnsatisfiable) {
  EXPECT_EQ(parse_range("bytes=0-", 0).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=-5", 0).kind, Kind::unsatisfiable);
}

TEST(StaticFilesByteRange, MultipleRangesAreIgnored) {
  EXPECT_EQ(parse_range("bytes=0-1,5-6", 100).kind, Kind::whole);
}

TEST(StaticFilesByteRange, MalformedRangesAreIgnored) {
  for (const char* header :
       {"", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1", "bytes=1-2-3", "bytes=+1-2",
        "bytes=1 -2", "items=0-1", "bytes=0x1-2", "bytes=99999999999999999999999-"}) {
    EXPECT_EQ(parse_range(header, 100).kind, Kind::whole) << header;
  }
}

TEST(StaticFilesByteRange, LengthCountsBothEnds) {
  EXPECT_EQ(parse_range("bytes=3-7", 100).length(), 5u);
}

}  // namespace
}  // namespace tmeit::http::static_assets
