#include "http/static/conditional.hpp"

#include <gtest/gtest.h>

namespace tmeit::http::static_assets {
namespace {

constexpr std::string_view etag = "\"abc123\"";

TEST(StaticFilesConditional, IfNoneMatchMatchesTheSameTag) {
  EXPECT_TRUE(if_none_match_matches("\"abc123\"", etag));
}

TEST(StaticFilesConditional, IfNoneMatchFindsTheTagInAList) {
  EXPECT_TRUE(if_none_match_matches("\"x\", \"a,b\",\"abc123\"", etag));
}

TEST(StaticFilesConditional, IfNoneMatchComparesWeakly) {
  EXPECT_TRUE(if_none_match_matches("W/\"abc123\"", etag));
}

TEST(StaticFilesConditional, IfNoneMatchStarMatchesAnything) {
  EXPECT_TRUE(if_none_match_matches(" * ", etag));
}

TEST(StaticFilesConditional, IfNoneMatchWithOtherTagsDoesNotMatch) {
  EXPECT_FALSE(if_none_match_matches("\"abc12\", \"abc1234\"", etag));
  EXPECT_FALSE(if_none_match_matches("", etag));
}

TEST(StaticFilesConditional, MalformedIfNoneMatchMatchesNothing) {
  EXPECT_FALSE(if_none_match_matches("abc123", etag));
  EXPECT_FALSE(if_none_match_matches("\"abc123", etag));
}

TEST(StaticFilesConditional, IfMatchComparesStrongly) {
  EXPECT_TRUE(if_match_matches("\"abc123\"", etag));
  EXPECT_TRUE(if_match_matches("\"x\", \"abc123\"", etag));
  EXPECT_TRUE(if_match_matches("*", etag));
  EXPECT_FALSE(if_match_matches("W/\"abc123\"", etag));
  EXPECT_FALSE(if_match_matches("\"abc12\"", etag));
  EXPECT_FALSE(if_match_matches("abc123", etag));
  EXPECT_FALSE(if_match_matches("", etag));
}

TEST(StaticFilesConditional, IfRangeNeedsTheSameStrongTag) {
  EXPECT_TRUE(if_range_matches("\"abc123\"", etag));
  EXPECT_FALSE(if_range_matches("W/\"abc123\"", etag));
  EXPECT_FALSE(if_range_matches("\"other\"", etag));
  EXPECT_FALSE(if_range_matches("Wed, 21 Oct 2015 07:28:00 GMT", etag));
}

}  // namespace
}  // namespace tmeit::http::static_assets
