#include "media/exif_orientation.hpp"

#include <cstddef>
#include <cstdint>

namespace tmeit::media {
namespace {

constexpr std::uint16_t orientation_tag = 0x0112;
constexpr std::uint16_t type_short = 3;

// Reads 2 or 4 bytes at `at` in the block's byte order; false when they are not all there.
bool read_uint(std::string_view data, std::size_t at, std::size_t width, bool big_endian,
               std::uint32_t& value) {
  if (at > data.size() || data.size() - at < width) return false;
  value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    auto byte = static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + i]));
    value |= big_endian ? byte << (8 * (width - 1 - i)) : byte << (8 * i);
  }
  return true;
}

}  // namespace

int read_exif_orientation(std::string_view tiff) {
  bool big_endian = false;
  if (tiff.substr(0, 4) == std::string_view("MM\0*", 4)) {
    big_endian = true;
  } else if (tiff.substr(0, 4) != std::string_view("II*\0", 4)) {
    return 1;
  }
  std::uint32_t ifd = 0;
  std::uint32_t entries = 0;
  if (!read_uint(tiff, 4, 4, big_endian, ifd) || !read_uint(tiff, ifd, 2, big_endian, entries)) {
    return 1;
  }
  // Only IFD0 holds the orientation; its entries are 12 bytes each: tag, type, count, value.
  for (std::uint32_t i = 0; i < entries; ++i) {
    std::size_t entry = std::size_t{ifd} + 2 + std::size_t{i} * 12;
    std::uint32_t tag = 0;
    std::uint32_t type = 0;
    std::uint32_t count = 0;
    std::uint32_t value = 0;
    if (!read_uint(tiff, entry, 2, big_endian, tag) ||
        !read_uint(tiff, entry + 2, 2, big_endian, type) ||
        !read_uint(tiff, entry + 4, 4, big_endian, count) ||
        !read_uint(tiff, entry + 8, 2, big_endian, value)) {
      return 1;
    }
    if (tag == orientation_tag) {
      bool valid = type == type_short && count == 1 && value >= 1 && value <= 8;
      return valid ? static_cast<int>(value) : 1;
    }
  }
  return 1;
}

}  // namespace tmeit::media
