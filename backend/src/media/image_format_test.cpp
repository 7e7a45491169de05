#include "media/image_format.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tmeit::media {
namespace {

TEST(ImageFormat, RecognisesEachAcceptedFormatByItsMagicBytes) {
  EXPECT_EQ(sniff_format("\xFF\xD8\xFF\xE0rest"), ImageFormat::jpeg);
  EXPECT_EQ(sniff_format("\x89PNG\r\n\x1A\nrest"), ImageFormat::png);
  EXPECT_EQ(sniff_format(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), ImageFormat::webp);
  EXPECT_EQ(sniff_format(std::string("\0\0\0\x18"
                                     "ftypheic\0\0\0\0mif1heic",
                                     24)),
            ImageFormat::heic);
  // Samsung phones write mif1 as the major brand and heic among the compatible ones.
  EXPECT_EQ(sniff_format(std::string("\0\0\0\x18"
                                     "ftypmif1\0\0\0\0mif1heic",
                                     24)),
            ImageFormat::heic);
}

TEST(ImageFormat, RefusesEverythingElseAndNamesWhatItLooksLike) {
  struct Case {
    std::string bytes;
    std::string kind;
  };
  const Case cases[] = {
      {"GIF89a\x01\0\x01\0", "GIF"},
      {"%PDF-1.7\n", "PDF"},
      {"PK\x03\x04\x14\0\0\0", "ZIP"},
      {"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "SVG"},
      {"  \n<svg onload=alert(1)>", "SVG"},
      {std::string("\0\0\0\x1C"
                   "ftypavif\0\0\0\0avifmif1miaf",
                   28),
       "AVIF"},
      {"BM\x36\0\0\0", "unknown"},
      {"", "empty"},
  };
  for (const auto& item : cases) {
    EXPECT_FALSE(sniff_format(item.bytes).has_value()) << item.kind;
    EXPECT_EQ(describe_refused(item.bytes), item.kind);
  }
}

TEST(ImageFormat, NeedsTheWholeMagicNotAPrefixOfIt) {
  EXPECT_FALSE(sniff_format("\xFF\xD8").has_value());
  EXPECT_FALSE(sniff_format("\x89PNG").has_value());
  EXPECT_FALSE(sniff_format("RIFF\x10\0\0\0WAVE").has_value());
  // An ftyp box whose size runs past the input is no HEIC.
  EXPECT_FALSE(sniff_format(std::string("\0\0\x10\0"
                                        "ftypheic\0\0\0\0",
                                        16))
                   .has_value());
}

}  // namespace
}  // namespace tmeit::media
