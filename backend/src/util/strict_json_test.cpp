#include "util/strict_json.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(StrictJson, ParsesJsonWithoutRepeatedKeys) {
  const auto parsed = parse_strict_json(R"({"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value["b"]["a"], 2);
  EXPECT_EQ(parsed.value["c"][1]["a"], 4);
}

TEST(StrictJson, NamesTheFirstRepeatedKey) {
  const auto top = parse_strict_json(R"({"role":"prao","x":1,"role":"master"})");
  EXPECT_FALSE(top.ok());
  EXPECT_EQ(top.duplicate_key, "role");
  const auto nested = parse_strict_json(R"([{"ok":1},{"k":1,"k":2}])");
  EXPECT_FALSE(nested.ok());
  EXPECT_EQ(nested.duplicate_key, "k");
}

TEST(StrictJson, KeysEqualOnlyAfterUnescapingAreRepeated) {
  const auto parsed = parse_strict_json(R"({"role":1,"r\u006fle":2})");
  EXPECT_EQ(parsed.duplicate_key, "role");
}

TEST(StrictJson, InvalidJsonIsNotOk) {
  EXPECT_FALSE(parse_strict_json("{").ok());
  EXPECT_FALSE(parse_strict_json("\"\xff\"").ok());
  EXPECT_FALSE(parse_strict_json("").ok());
}

}  // namespace
}  // namespace tmeit::util
