#include "http/request_id.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

TEST(RequestId, WellFormedClientValueIsKept) {
  EXPECT_EQ(choose_request_id("abc-123_X.y"), "abc-123_X.y");
}

TEST(RequestId, MissingValueGetsAFreshId) {
  const auto id = choose_request_id("");
  EXPECT_EQ(id.size(), 32u);
  EXPECT_NE(id, choose_request_id(""));
}

TEST(RequestId, UnsafeCharactersAreReplaced) {
  EXPECT_EQ(choose_request_id("a b\"c").size(), 32u);
  EXPECT_EQ(choose_request_id(std::string(129, 'a')).size(), 32u);
}

}  // namespace
}  // namespace tmeit::http
