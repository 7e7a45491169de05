#include "media/decoders.hpp"

#include "media/image_error.hpp"
#include "media/image_header.hpp"

#include <libheif/heif.h>

#include <cstring>
#include <memory>
#include <string>

namespace tmeit::media {
namespace {

struct HeifContextDeleter {
  void operator()(heif_context* context) const noexcept { heif_context_free(context); }
};
struct HeifHandleDeleter {
  void operator()(heif_image_handle* handle) const noexcept { heif_image_handle_release(handle); }
};
struct HeifImageDeleter {
  void operator()(heif_image* image) const noexcept { heif_image_release(image); }
};

void check(const heif_error& error) {
  if (error.code != heif_error_Ok) {
    throw ImageRejected(RejectReason::malformed, std::string("HEIC file is damaged: ") +
                                                     (error.message ? error.message : "?"));
  }
}

// libheif's own guard on each side, before it allocates anything for an image; the pixel
// count is checked by check_pixel_limit.
constexpr int max_side = 40'000;

}  // namespace

Raster decode_heic(std::string_view bytes) {
  std::unique_ptr<heif_context, HeifContextDeleter> context(heif_context_alloc());
  if (!context) throw std::runtime_error("heif_context_alloc failed");
  heif_context_set_maximum_image_size_limit(context.get(), max_side);
  check(heif_context_read_from_memory_without_copy(context.get(), bytes.data(), bytes.size(),
                                                   nullptr));
  heif_image_handle* raw_handle = nullptr;
  check(heif_context_get_primary_image_handle(context.get(), &raw_handle));
  std::unique_ptr<heif_image_handle, HeifHandleDeleter> handle(raw_handle);
  check_pixel_limit(static_cast<std::uint64_t>(heif_image_handle_get_width(handle.get())),
                    static_cast<std::uint64_t>(heif_image_handle_get_height(handle.get())));
  bool alpha = heif_image_handle_has_alpha_channel(handle.get()) != 0;
  heif_image* raw_image = nullptr;
  check(heif_decode_image(handle.get(), &raw_image, heif_colorspace_RGB,
                          alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB,
                          nullptr));
  std::unique_ptr<heif_image, HeifImageDeleter> image(raw_image);
  int stride = 0;
  const std::uint8_t* plane =
      heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
  int width = heif_image_get_width(image.get(), heif_channel_interleaved);
  int height = heif_image_get_height(image.get(), heif_channel_interleaved);
  if (plane == nullptr || width <= 0 || height <= 0) {
    throw ImageRejected(RejectReason::malformed, "HEIC file is damaged: no pixels");
  }
  check_pixel_limit(static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height));
  Raster raster{.width = static_cast<std::uint32_t>(width),
                .height = static_cast<std::uint32_t>(height),
                .channels = alpha ? 4u : 3u};
  std::size_t row = std::size_t{raster.width} * raster.channels;
  raster.pixels.resize(row * raster.height);
  for (std::size_t y = 0; y < raster.height; ++y) {
    std::memcpy(&raster.pixels[y * row], plane + y * static_cast<std::size_t>(stride), row);
  }
  return raster;
}

}  // namespace tmeit::media
