#include "media/decoders.hpp"

#include "media/image_error.hpp"
#include "media/image_header.hpp"

#include <png.h>

#include <string>

namespace tmeit::media {
namespace {

// png_image owns libpng's state until png_image_free (finish_read frees it too).
struct PngImageGuard {
  png_image* image;
  ~PngImageGuard() { png_image_free(image); }
};

[[noreturn]] void refuse(const png_image& image) {
  throw ImageRejected(RejectReason::malformed, std::string("PNG file is damaged: ") +
                                                   static_cast<const char*>(image.message));
}

}  // namespace

Raster decode_png(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  PngImageGuard guard{&image};
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) refuse(image);
  check_pixel_limit(image.width, image.height);
  bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  image.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
  Raster raster{.width = image.width, .height = image.height, .channels = alpha ? 4u : 3u};
  raster.pixels.resize(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, raster.pixels.data(), 0, nullptr) == 0) {
    refuse(image);
  }
  return raster;
}

}  // namespace tmeit::media
