#include "media/decoders.hpp"

#include "media/image_error.hpp"
#include "media/image_header.hpp"

#include <webp/decode.h>

namespace tmeit::media {

Raster decode_webp(std::string_view bytes) {
  auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  WebPBitstreamFeatures features{};
  if (WebPGetFeatures(data, bytes.size(), &features) != VP8_STATUS_OK) {
    throw ImageRejected(RejectReason::malformed, "WebP file is damaged");
  }
  if (features.has_animation) {
    throw ImageRejected(RejectReason::unsupported_type, "animated WebP images are not accepted");
  }
  check_pixel_limit(static_cast<std::uint64_t>(features.width),
                    static_cast<std::uint64_t>(features.height));
  Raster raster{.width = static_cast<std::uint32_t>(features.width),
                .height = static_cast<std::uint32_t>(features.height),
                .channels = features.has_alpha ? 4u : 3u};
  raster.pixels.resize(std::size_t{raster.width} * raster.height * raster.channels);
  auto stride = static_cast<int>(raster.width * raster.channels);
  auto* out = raster.channels == 4 ? WebPDecodeRGBAInto(data, bytes.size(), raster.pixels.data(),
                                                        raster.pixels.size(), stride)
                                   : WebPDecodeRGBInto(data, bytes.size(), raster.pixels.data(),
                                                       raster.pixels.size(), stride);
  if (out == nullptr) throw ImageRejected(RejectReason::malformed, "WebP file is damaged");
  return raster;
}

}  // namespace tmeit::media
