#pragma once

#include <cstdint>
#include <vector>

namespace tmeit::media {

/// Decoded pixels: 8-bit RGB or RGBA, rows packed without padding.
struct Raster {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  /// 3 (RGB) or 4 (RGBA).
  std::uint32_t channels = 3;
  std::vector<std::uint8_t> pixels;
};

/// The raster turned upright for an EXIF orientation (1..8): 2 mirrors, 3 turns 180°, 4 flips,
/// 5 transposes, 6 turns 90° clockwise, 7 transverses, 8 turns 90° anticlockwise. 5 to 8 swap
/// width and height. Any other value returns the raster as it is.
Raster apply_orientation(Raster raster, int orientation);

}  // namespace tmeit::media
