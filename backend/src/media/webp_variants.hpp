#pragma once

#include "media/raster.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tmeit::media {

/// The long sides of the stored sizes, largest first: full screen, card, thumbnail.
inline constexpr std::array<std::uint32_t, 3> variant_long_sides{2048, 1024, 256};

/// One stored size of a photo.
struct WebpVariant {
  /// The size it was made for (an entry of variant_long_sides); the image's own long side is
  /// smaller when the upload was: nothing is enlarged.
  std::uint32_t long_side = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  /// A WebP file with no metadata chunk (no EXIF, XMP or ICC): only pixels.
  std::string webp;
};

/// The width and height of an image of `width`×`height` shrunk so its long side is at most
/// `long_side`, keeping the aspect ratio; never 0.
std::array<std::uint32_t, 2> fit_long_side(std::uint32_t width, std::uint32_t height,
                                           std::uint32_t long_side);

/// Shrinks `upright` to each of variant_long_sides (libwebp's rescaler, each from the previous
/// one) and encodes each as lossy WebP (alpha kept when there is one). Takes the raster by
/// value and frees it once libwebp has its own copy, so a photo is never held three times.
std::vector<WebpVariant> encode_variants(Raster upright);

}  // namespace tmeit::media
