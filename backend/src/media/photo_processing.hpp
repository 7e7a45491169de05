#pragma once

#include "media/image_format.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::media {

/// One size of a processed photo, ready to store.
struct StoredVariant {
  std::uint32_t long_side = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  /// Content-addressed: "photos/<sha256 of the WebP, hex>.webp". The same bytes always get the
  /// same key, so an object is never overwritten with different content and can be served as
  /// immutable, its hash doubling as the ETag.
  std::string key;
  std::string webp;
};

/// An upload turned into what we store: only re-encoded pixels, no byte of the upload itself.
struct ProcessedPhoto {
  ImageFormat source_format = ImageFormat::jpeg;
  /// The upright size of the upload (after the EXIF orientation).
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  /// One per variant_long_sides entry, largest first.
  std::vector<StoredVariant> variants;
};

/// The key of a stored variant: "photos/" + hex SHA-256 of `webp` + ".webp".
std::string variant_key(std::string_view webp);

/// Sniffs, checks the header (format and pixel count, before any decoding), decodes, turns the
/// image upright by its EXIF orientation and encodes every size as WebP. Every metadata block
/// of the upload (EXIF with GPS, XMP, ICC, comments) and any bytes appended to it (a polyglot's
/// payload) are left behind. Throws ImageRejected for input that is not an accepted photo.
/// CPU-heavy (about 0.5 s for a 12-megapixel JPEG): call it on a bounded pool, never on an I/O
/// thread (http::PhotoObjects does).
ProcessedPhoto process_photo(std::string_view upload);

}  // namespace tmeit::media
