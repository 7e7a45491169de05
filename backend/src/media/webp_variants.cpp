#include "media/webp_variants.hpp"

#include <webp/encode.h>

#include <algorithm>
#include <stdexcept>

namespace tmeit::media {
namespace {

// Quality 80 at method 4: libwebp's defaults, about 150 KB for a 2048 px photo.
constexpr float webp_quality = 80.0F;
constexpr int webp_method = 4;

// Owner of a WebPPicture's pixel buffers.
struct Picture {
  WebPPicture picture{};
  Picture() {
    if (WebPPictureInit(&picture) == 0) throw std::runtime_error("WebPPictureInit failed");
    picture.use_argb = 1;
  }
  ~Picture() { WebPPictureFree(&picture); }
  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;
};

// Owner of the memory WebPEncode writes to.
struct MemoryWriter {
  WebPMemoryWriter writer{};
  MemoryWriter() { WebPMemoryWriterInit(&writer); }
  ~MemoryWriter() { WebPMemoryWriterClear(&writer); }
  MemoryWriter(const MemoryWriter&) = delete;
  MemoryWriter& operator=(const MemoryWriter&) = delete;
};

std::string encode(const WebPPicture& source) {
  WebPConfig config{};
  if (WebPConfigInit(&config) == 0) throw std::runtime_error("WebPConfigInit failed");
  config.quality = webp_quality;
  config.method = webp_method;
  // The encoder converts the picture in place, so it works on a copy and `source` stays ARGB
  // for the next, smaller size.
  Picture copy;
  MemoryWriter memory;
  if (WebPPictureCopy(&source, &copy.picture) == 0)
    throw std::runtime_error("WebPPictureCopy failed");
  copy.picture.writer = WebPMemoryWrite;
  copy.picture.custom_ptr = &memory.writer;
  if (WebPEncode(&config, &copy.picture) == 0) {
    throw std::runtime_error("WebPEncode failed: error " +
                             std::to_string(static_cast<int>(copy.picture.error_code)));
  }
  return {reinterpret_cast<const char*>(memory.writer.mem), memory.writer.size};
}

}  // namespace

std::array<std::uint32_t, 2> fit_long_side(std::uint32_t width, std::uint32_t height,
                                           std::uint32_t long_side) {
  std::uint32_t current = std::max(width, height);
  if (current <= long_side) return {width, height};
  auto scale = [&](std::uint32_t side) {
    auto scaled = (std::uint64_t{side} * long_side + current / 2) / current;
    return static_cast<std::uint32_t>(std::max<std::uint64_t>(scaled, 1));
  };
  return {scale(width), scale(height)};
}

std::vector<WebpVariant> encode_variants(Raster upright) {
  Picture source;
  source.picture.width = static_cast<int>(upright.width);
  source.picture.height = static_cast<int>(upright.height);
  auto stride = static_cast<int>(upright.width * upright.channels);
  int imported = upright.channels == 4
                     ? WebPPictureImportRGBA(&source.picture, upright.pixels.data(), stride)
                     : WebPPictureImportRGB(&source.picture, upright.pixels.data(), stride);
  if (imported == 0) throw std::runtime_error("WebPPictureImport failed (out of memory?)");
  std::vector<std::uint8_t>().swap(upright.pixels);
  std::vector<WebpVariant> variants;
  for (auto long_side : variant_long_sides) {
    auto [width, height] =
        fit_long_side(static_cast<std::uint32_t>(source.picture.width),
                      static_cast<std::uint32_t>(source.picture.height), long_side);
    if (static_cast<int>(width) != source.picture.width &&
        WebPPictureRescale(&source.picture, static_cast<int>(width), static_cast<int>(height)) ==
            0) {
      throw std::runtime_error("WebPPictureRescale failed");
    }
    variants.push_back({long_side, width, height, encode(source.picture)});
  }
  return variants;
}

}  // namespace tmeit::media
