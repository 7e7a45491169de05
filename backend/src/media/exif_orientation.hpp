#pragma once

#include <string_view>

namespace tmeit::media {

/// The EXIF orientation (1..8; 1 is "as stored") in a TIFF-structured EXIF block (starting
/// with "II*\0" or "MM\0*", as in a JPEG APP1 segment after "Exif\0\0", a PNG eXIf chunk or a
/// WebP EXIF chunk). 1 when the block is malformed or has no valid orientation tag: a broken
/// EXIF block must not refuse an otherwise good photo.
int read_exif_orientation(std::string_view tiff);

}  // namespace tmeit::media
