#include "util/utf8.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(Utf8, AcceptsAsciiAndWellFormedSequences) {
  EXPECT_TRUE(is_utf8(""));
  EXPECT_TRUE(is_utf8("anna@example.com"));
  EXPECT_TRUE(is_utf8("\xC3\xA5sa"));        // åsa
  EXPECT_TRUE(is_utf8("\xE2\x82\xAC"));      // €
  EXPECT_TRUE(is_utf8("\xF0\x9F\x8D\xBA"));  // 🍺
  EXPECT_TRUE(is_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RefusesStrayTruncatedOverlongAndSurrogateBytes) {
  EXPECT_FALSE(is_utf8("\xFF"));
  EXPECT_FALSE(is_utf8("\x80"));
  EXPECT_FALSE(is_utf8("a\xC3"));             // cut short
  EXPECT_FALSE(is_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_utf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(is_utf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(is_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_utf8("\xE2\x28\xA1"));      // a continuation byte missing
}

}  // namespace
}  // namespace tmeit::util
