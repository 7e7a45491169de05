#include "util/json_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <vector>

namespace tmeit::util {
namespace {

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonWriter, WritesNestedValuesWithCommasAndColons) {
  std::string out;
  JsonWriter writer(out);
  writer.begin_array();
  writer.begin_object();
  writer.key("name");
  writer.string("Kistan");
  writer.key("open");
  writer.boolean(true);
  writer.key("closed");
  writer.boolean(false);
  writer.key("end");
  writer.null();
  writer.key("tags");
  writer.begin_array();
  writer.string("a");
  writer.optional_string(std::nullopt);
  writer.optional_string("b");
  writer.end_array();
  writer.key("empty");
  writer.begin_object();
  writer.end_object();
  writer.end_object();
  writer.null();
  writer.end_array();
  EXPECT_EQ(out, R"([{"name":"Kistan","open":true,"closed":false,"end":null,)"
                 R"("tags":["a",null,"b"],"empty":{}},null])");
  EXPECT_TRUE(nlohmann::json::accept(out));
}

TEST(JsonWriter, EscapesLikeNlohmannForValidText) {
  std::string every_ascii;
  for (int c = 0; c < 128; ++c) every_ascii += static_cast<char>(c);
  const std::vector<std::string> texts{"", every_ascii, "Åsa \"Ö\" \\ ✓ 🍺",
                                       "tab\there\nnew line\x7f"};
  for (const auto& text : texts) {
    EXPECT_EQ(json_string(text), nlohmann::json(text).dump()) << text;
  }
}

TEST(JsonWriter, ReplacesInvalidUtf8WithTheReplacementCharacter) {
  EXPECT_EQ(json_string("a\xFF"
                        "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(json_string("\xC3"), "\"\xEF\xBF\xBD\"");                  // cut short
  EXPECT_EQ(json_string("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong '/'
  EXPECT_EQ(json_string("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  EXPECT_EQ(json_string("\xF4\x90\x80\x80").substr(0, 4), "\"\xEF\xBF\xBD");  // above U+10FFFF
  EXPECT_TRUE(nlohmann::json::accept(json_string("x\xF0\x9F\x8D")));
}

}  // namespace
}  // namespace tmeit::util
