#include "media/image_format.hpp"

#include <array>
#include <cctype>
#include <cstddef>

namespace tmeit::media {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// HEIF brands whose images are HEVC coded (what phones write). `mif1`/`msf1` alone are not
// enough: AVIF files carry them too, and we do not accept AVIF.
constexpr std::array<std::string_view, 6> heic_brands{"heic", "heix", "heim",
                                                      "heis", "hevc", "hevx"};

bool is_heic_brand(std::string_view brand) {
  for (auto known : heic_brands) {
    if (brand == known) return true;
  }
  return false;
}

// The brands of a leading `ftyp` box: major brand, then the compatible brands. Empty when the
// input does not start with a well-formed `ftyp` box.
template <typename Visit>
bool visit_ftyp_brands(std::string_view bytes, Visit visit) {
  if (bytes.size() < 16 || bytes.substr(4, 4) != "ftyp") return false;
  std::size_t box_size = (std::size_t{static_cast<unsigned char>(bytes[0])} << 24) |
                         (std::size_t{static_cast<unsigned char>(bytes[1])} << 16) |
                         (std::size_t{static_cast<unsigned char>(bytes[2])} << 8) |
                         std::size_t{static_cast<unsigned char>(bytes[3])};
  if (box_size < 16 || box_size > bytes.size() || box_size > 4096) return false;
  if (visit(bytes.substr(8, 4))) return true;
  // Bytes 12..16 are the minor version; compatible brands follow, four bytes each.
  for (std::size_t at = 16; at + 4 <= box_size; at += 4) {
    if (visit(bytes.substr(at, 4))) return true;
  }
  return false;
}

bool looks_like_markup(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t at = 0;
  while (at < bytes.size() && at < 256 && std::isspace(static_cast<unsigned char>(bytes[at]))) {
    ++at;
  }
  return at < bytes.size() && bytes[at] == '<';
}

}  // namespace

std::optional<ImageFormat> sniff_format(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xD8\xFF")) return ImageFormat::jpeg;
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return ImageFormat::png;
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
    return ImageFormat::webp;
  }
  if (visit_ftyp_brands(bytes, is_heic_brand)) return ImageFormat::heic;
  return std::nullopt;
}

std::string_view describe_refused(std::string_view bytes) {
  if (bytes.empty()) return "empty";
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "GIF";
  if (starts_with(bytes, "%PDF")) return "PDF";
  if (starts_with(bytes, "PK\x03\x04")) return "ZIP";
  if (visit_ftyp_brands(bytes, [](std::string_view brand) { return brand == "avif"; })) {
    return "AVIF";
  }
  if (looks_like_markup(bytes)) return "SVG";
  return "unknown";
}

std::string_view format_name(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg:
      return "JPEG";
    case ImageFormat::png:
      return "PNG";
    case ImageFormat::webp:
      return "WebP";
    case ImageFormat::heic:
      return "HEIC";
  }
  return "unknown";
}

}  // namespace tmeit::media
