#pragma once

#include "media/image_format.hpp"

#include <cstdint>
#include <string_view>

namespace tmeit::media {

/// The most pixels an accepted image may have (40 megapixels: a 2024 phone's main camera
/// writes 12 to 24; 50-megapixel modes are refused rather than decoded into 200 MB).
inline constexpr std::uint64_t max_pixels = 40'000'000;

/// What an image's header says, read without decoding any pixel.
struct ImageHeader {
  ImageFormat format = ImageFormat::jpeg;
  /// 0 for HEIC, whose size sits deep in ISO-BMFF boxes: the HEIC decoder reads it (libheif,
  /// before decoding) and checks it with check_pixel_limit.
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  /// The EXIF orientation (1..8; 1 when there is none). Always 1 for HEIC, whose decoder
  /// applies the container's own rotation and mirroring.
  int orientation = 1;
};

/// Sniffs the format and reads the size and orientation of an upload. Throws ImageRejected:
/// unsupported_type for anything but JPEG, PNG, WebP and HEIC (and animated WebP),
/// too_many_pixels over max_pixels, malformed for a header that is cut short or inconsistent.
ImageHeader read_header(std::string_view bytes);

/// Throws ImageRejected (malformed for a zero side, too_many_pixels over max_pixels).
void check_pixel_limit(std::uint64_t width, std::uint64_t height);

}  // namespace tmeit::media
