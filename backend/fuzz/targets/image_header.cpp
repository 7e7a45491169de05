// Uploaded photos before any decoder sees them: format sniffing, the JPEG/PNG/WebP header
// walkers and the EXIF orientation reader. Each input gets a header whose size is within the
// pixel limit, or an ImageRejected (a 415 or 422), and never reads out of bounds.
#include "media/image_header.hpp"
#include "media/exif_orientation.hpp"
#include "media/image_error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tmeit::media;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  int orientation = read_exif_orientation(bytes);
  if (orientation < 1 || orientation > 8) __builtin_trap();
  try {
    auto header = read_header(bytes);
    if (header.orientation < 1 || header.orientation > 8) __builtin_trap();
    if (header.format != ImageFormat::heic &&
        (header.width == 0 || header.height == 0 ||
         std::uint64_t{header.width} * header.height > max_pixels)) {
      __builtin_trap();
    }
  } catch (const ImageRejected&) {
    // A 415 or 422: what bad input must get.
  }
  return 0;
}
