#include "util/base64url.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(Base64url, EncodesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
}

TEST(Base64url, DecodesWhatItEncodes) {
  const std::string bytes("\x00\x01\xfe\xff hello", 10);
  EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes);
}

TEST(Base64url, RejectsForeignCharactersPaddingAndImpossibleLengths) {
  EXPECT_EQ(base64url_decode("Zm9v+g"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zg=="), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9vY"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zh"), std::nullopt);  // non-zero leftover bits
}

}  // namespace
}  // namespace tmeit::util
