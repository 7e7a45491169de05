#include "media/raster.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace tmeit::media {
namespace {

// A 3×2 grey raster whose pixel values are 1..6 in reading order:  1 2 3 / 4 5 6.
Raster numbered() {
  Raster raster{.width = 3, .height = 2, .channels = 3};
  for (std::uint8_t value = 1; value <= 6; ++value)
    raster.pixels.insert(raster.pixels.end(), 3, value);
  return raster;
}

std::vector<std::uint8_t> values(const Raster& raster) {
  std::vector<std::uint8_t> out;
  for (std::size_t at = 0; at < raster.pixels.size(); at += raster.channels) {
    out.push_back(raster.pixels[at]);
  }
  return out;
}

TEST(Raster, AppliesEachExifOrientation) {
  using V = std::vector<std::uint8_t>;
  EXPECT_EQ(values(apply_orientation(numbered(), 1)), (V{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(values(apply_orientation(numbered(), 2)), (V{3, 2, 1, 6, 5, 4}));
  EXPECT_EQ(values(apply_orientation(numbered(), 3)), (V{6, 5, 4, 3, 2, 1}));
  EXPECT_EQ(values(apply_orientation(numbered(), 4)), (V{4, 5, 6, 1, 2, 3}));
  EXPECT_EQ(values(apply_orientation(numbered(), 5)), (V{1, 4, 2, 5, 3, 6}));
  EXPECT_EQ(values(apply_orientation(numbered(), 6)), (V{4, 1, 5, 2, 6, 3}));
  EXPECT_EQ(values(apply_orientation(numbered(), 7)), (V{6, 3, 5, 2, 4, 1}));
  EXPECT_EQ(values(apply_orientation(numbered(), 8)), (V{3, 6, 2, 5, 1, 4}));
}

TEST(Raster, TurningSwapsWidthAndHeight) {
  auto turned = apply_orientation(numbered(), 6);
  EXPECT_EQ(turned.width, 2u);
  EXPECT_EQ(turned.height, 3u);
  auto mirrored = apply_orientation(numbered(), 2);
  EXPECT_EQ(mirrored.width, 3u);
  EXPECT_EQ(mirrored.height, 2u);
}

}  // namespace
}  // namespace tmeit::media
