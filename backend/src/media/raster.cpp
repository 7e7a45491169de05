#include "media/raster.hpp"

#include <cstddef>
#include <cstring>
#include <utility>

namespace tmeit::media {
namespace {

// The source pixel that lands at (x, y) of the upright image, for a source of w×h.
std::pair<std::size_t, std::size_t> source_of(int orientation, std::size_t x, std::size_t y,
                                              std::size_t w, std::size_t h) {
  switch (orientation) {
    case 2:
      return {w - 1 - x, y};
    case 3:
      return {w - 1 - x, h - 1 - y};
    case 4:
      return {x, h - 1 - y};
    case 5:
      return {y, x};
    case 6:
      return {y, h - 1 - x};
    case 7:
      return {w - 1 - y, h - 1 - x};
    default:  // 8
      return {w - 1 - y, x};
  }
}

}  // namespace

Raster apply_orientation(Raster raster, int orientation) {
  if (orientation < 2 || orientation > 8) return raster;
  bool swaps = orientation >= 5;
  Raster upright{.width = swaps ? raster.height : raster.width,
                 .height = swaps ? raster.width : raster.height,
                 .channels = raster.channels};
  upright.pixels.resize(raster.pixels.size());
  std::size_t c = raster.channels;
  for (std::size_t y = 0; y < upright.height; ++y) {
    for (std::size_t x = 0; x < upright.width; ++x) {
      auto [sx, sy] = source_of(orientation, x, y, raster.width, raster.height);
      std::memcpy(&upright.pixels[(y * upright.width + x) * c],
                  &raster.pixels[(sy * raster.width + sx) * c], c);
    }
  }
  return upright;
}

}  // namespace tmeit::media
