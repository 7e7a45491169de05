#include "media/image_header.hpp"

#include "media/exif_orientation.hpp"
#include "media/image_error.hpp"
#include "media/test_images.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace tmeit::media {
namespace {

RejectReason reason_of(std::string_view bytes) {
  try {
    read_header(bytes);
  } catch (const ImageRejected& rejected) {
    return rejected.reason();
  }
  ADD_FAILURE() << "read_header accepted it";
  return RejectReason::malformed;
}

TEST(ImageHeader, ReadsTheSizeOfEachFormatWithoutDecoding) {
  auto raster = test_images::halves(120, 80);
  for (const auto& bytes :
       {test_images::jpeg(raster), test_images::png(raster), test_images::webp(raster)}) {
    auto header = read_header(bytes);
    EXPECT_EQ(header.width, 120u);
    EXPECT_EQ(header.height, 80u);
    EXPECT_EQ(header.orientation, 1);
  }
}

TEST(ImageHeader, ReadsTheExifOrientationOfAJpeg) {
  auto jpeg = test_images::jpeg(test_images::halves(16, 8));
  EXPECT_EQ(
      read_header(test_images::with_exif(jpeg, test_images::exif_with_orientation(6))).orientation,
      6);
  EXPECT_EQ(
      read_header(test_images::with_exif(jpeg, test_images::exif_with_orientation(3))).orientation,
      3);
}

TEST(ImageHeader, RefusesADecompressionBombFromItsHeaderAlone) {
  auto bomb = test_images::png_bomb();
  EXPECT_LT(bomb.size(), 100'000u);  // ~50 KB that would decode to 10.8 GB
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(reason_of(bomb), RejectReason::too_many_pixels);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(100));
}

TEST(ImageHeader, RefusesMoreThanFortyMegapixelsAndAcceptsForty) {
  EXPECT_NO_THROW(check_pixel_limit(8000, 5000));
  EXPECT_THROW(check_pixel_limit(8000, 5001), ImageRejected);
  EXPECT_THROW(check_pixel_limit(0, 100), ImageRejected);
}

TEST(ImageHeader, RefusesOtherFormatsAsUnsupportedAndEmptyOrCutHeadersAsMalformed) {
  EXPECT_EQ(reason_of("PK\x03\x04zip renamed .jpg"), RejectReason::unsupported_type);
  EXPECT_EQ(reason_of("GIF89a\x01\0\x01\0"), RejectReason::unsupported_type);
  EXPECT_EQ(reason_of(""), RejectReason::malformed);
  auto png = test_images::png(test_images::halves(16, 8));
  EXPECT_EQ(reason_of(png.substr(0, 20)), RejectReason::malformed);
  auto jpeg = test_images::jpeg(test_images::halves(16, 8));
  EXPECT_EQ(reason_of(jpeg.substr(0, 40)), RejectReason::malformed);
  // A JPEG's first bytes on a PNG body.
  EXPECT_EQ(reason_of("\xFF\xD8\xFF" + png.substr(3)), RejectReason::malformed);
}

TEST(ImageHeader, RefusesAnimatedWebp) {
  std::string vp8x("RIFF\x1E\0\0\0WEBPVP8X\x0A\0\0\0\x02\0\0\0\x0F\0\0\x0F\0\0", 30);
  EXPECT_EQ(reason_of(vp8x), RejectReason::unsupported_type);
}

TEST(ExifOrientation, ReadsBothByteOrdersAndIgnoresBrokenBlocks) {
  EXPECT_EQ(read_exif_orientation(test_images::exif_with_orientation(8)), 8);
  std::string big("MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 26);
  EXPECT_EQ(read_exif_orientation(big), 6);
  EXPECT_EQ(read_exif_orientation(test_images::exif_with_orientation(9)), 1);
  EXPECT_EQ(read_exif_orientation(test_images::exif_with_orientation(6).substr(0, 15)), 1);
  EXPECT_EQ(read_exif_orientation(std::string("II*\0\xFF\xFF\xFF\xFF", 8)), 1);
  EXPECT_EQ(read_exif_orientation(""), 1);
}

}  // namespace
}  // namespace tmeit::media
