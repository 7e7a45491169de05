#include "media/photo_processing.hpp"

#include "media/decoders.hpp"
#include "media/image_header.hpp"
#include "media/webp_variants.hpp"
#include "util/sha256.hpp"

#include <utility>

namespace tmeit::media {
namespace {

Raster decode(const ImageHeader& header, std::string_view upload) {
  switch (header.format) {
    case ImageFormat::jpeg:
      return decode_jpeg(upload, variant_long_sides.front());
    case ImageFormat::png:
      return decode_png(upload);
    case ImageFormat::webp:
      return decode_webp(upload);
    case ImageFormat::heic:
      return decode_heic(upload);
  }
  throw std::logic_error("unknown image format");
}

}  // namespace

std::string variant_key(std::string_view webp) {
  return "photos/" + util::to_hex(util::sha256(webp)) + ".webp";
}

ProcessedPhoto process_photo(std::string_view upload) {
  auto header = read_header(upload);
  auto upright = apply_orientation(decode(header, upload), header.orientation);
  ProcessedPhoto photo{.source_format = header.format};
  // JPEGs decode at a reduced DCT scale: the header has the upload's own size.
  bool turned = header.orientation >= 5;
  photo.width = header.width == 0 ? upright.width : (turned ? header.height : header.width);
  photo.height = header.height == 0 ? upright.height : (turned ? header.width : header.height);
  for (auto& variant : encode_variants(std::move(upright))) {
    auto key = variant_key(variant.webp);
    photo.variants.push_back({variant.long_side, variant.width, variant.height, std::move(key),
                              std::move(variant.webp)});
  }
  return photo;
}

}  // namespace tmeit::media
