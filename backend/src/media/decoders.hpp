#pragma once

#include "media/raster.hpp"

#include <cstdint>
#include <string_view>

namespace tmeit::media {

// One decoder per accepted format, each over its well-kept library. They run after
// read_header accepted the format and the size, check the size again as the library reads
// it, and throw ImageRejected (malformed) for anything the library refuses, truncated data
// included. None of them keeps any metadata: what leaves them is pixels.

/// libjpeg-turbo (TurboJPEG API). Decodes at the smallest DCT scale whose long side is still
/// at least `min_long_side` (a 12-megapixel photo for a 2048 px output decodes at 5/8 size),
/// which is most of the speed and memory of a phone photo. Stops on warnings (a truncated
/// file) and limits progressive scans.
Raster decode_jpeg(std::string_view bytes, std::uint32_t min_long_side);

/// libpng (simplified API): any bit depth, palette or grey, to RGB or RGBA.
Raster decode_png(std::string_view bytes);

/// libwebp: a still WebP to RGB or RGBA.
Raster decode_webp(std::string_view bytes);

/// libheif (libde265): the primary image, with its rotation and mirroring applied; the size
/// is read from the container and checked before decoding.
Raster decode_heic(std::string_view bytes);

}  // namespace tmeit::media
