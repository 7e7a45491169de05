#include "media/image_header.hpp"

#include "media/exif_orientation.hpp"
#include "media/image_error.hpp"

#include <cstddef>
#include <string>

namespace tmeit::media {
namespace {

[[noreturn]] void malformed(std::string_view format, std::string_view what) {
  throw ImageRejected(RejectReason::malformed,
                      std::string(format) + " file is damaged: " + std::string(what));
}

std::uint32_t big_endian(std::string_view data, std::size_t at, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value = (value << 8) | static_cast<unsigned char>(data[at + i]);
  }
  return value;
}

std::uint32_t little_endian(std::string_view data, std::size_t at, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = width; i > 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(data[at + i - 1]);
  }
  return value;
}

bool has(std::string_view data, std::size_t at, std::size_t count) {
  return at <= data.size() && data.size() - at >= count;
}

// A start-of-frame marker (baseline, progressive, lossless, arithmetic), not DHT/JPG/DAC.
bool is_start_of_frame(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the JPEG's marker segments up to the first start of frame: its size, and the
// orientation of an APP1 Exif segment met on the way.
ImageHeader read_jpeg(std::string_view data) {
  ImageHeader header{.format = ImageFormat::jpeg};
  std::size_t at = 2;
  for (;;) {
    if (!has(data, at, 2)) malformed("JPEG", "it ends before the image size");
    if (static_cast<unsigned char>(data[at]) != 0xFF) malformed("JPEG", "a marker is missing");
    auto marker = static_cast<unsigned char>(data[at + 1]);
    at += 2;
    if (marker == 0xFF) {  // fill byte before a marker
      --at;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (marker == 0xD9 || marker == 0xDA) malformed("JPEG", "the image data comes before its size");
    if (!has(data, at, 2)) malformed("JPEG", "a segment is cut short");
    std::size_t length = big_endian(data, at, 2);
    if (length < 2 || !has(data, at, length)) malformed("JPEG", "a segment is cut short");
    auto segment = data.substr(at + 2, length - 2);
    if (marker == 0xE1 && segment.substr(0, 6) == std::string_view("Exif\0\0", 6) &&
        header.orientation == 1) {
      header.orientation = read_exif_orientation(segment.substr(6));
    }
    if (is_start_of_frame(marker)) {
      if (segment.size() < 5) malformed("JPEG", "the frame header is cut short");
      header.height = big_endian(segment, 1, 2);
      header.width = big_endian(segment, 3, 2);
      return header;
    }
    at += length;
  }
}

// The IHDR chunk must come first; chunks before the first IDAT may hold an eXIf chunk.
ImageHeader read_png(std::string_view data) {
  ImageHeader header{.format = ImageFormat::png};
  if (!has(data, 8, 8 + 13) || data.substr(12, 4) != "IHDR" || big_endian(data, 8, 4) != 13) {
    malformed("PNG", "the header chunk is missing");
  }
  header.width = big_endian(data, 16, 4);
  header.height = big_endian(data, 20, 4);
  std::size_t at = 8;
  while (has(data, at, 8)) {
    std::size_t length = big_endian(data, at, 4);
    auto type = data.substr(at + 4, 4);
    if (type == "IDAT" || type == "IEND" || !has(data, at + 8, length)) break;
    if (type == "eXIf") header.orientation = read_exif_orientation(data.substr(at + 8, length));
    at += 8 + length + 4;  // length, type, data, CRC
  }
  return header;
}

// VP8 (lossy) and VP8L (lossless) carry the size in their bitstream header; VP8X (extended)
// in its canvas fields, followed by chunks that may hold EXIF or an animation.
ImageHeader read_webp(std::string_view data) {
  ImageHeader header{.format = ImageFormat::webp};
  if (!has(data, 12, 8)) malformed("WebP", "the first chunk is missing");
  auto first = data.substr(12, 4);
  auto body = data.substr(20);
  if (first == "VP8 ") {
    if (body.size() < 10 || body.substr(3, 3) != "\x9D\x01\x2A")
      malformed("WebP", "bad VP8 header");
    header.width = little_endian(body, 6, 2) & 0x3FFF;
    header.height = little_endian(body, 8, 2) & 0x3FFF;
  } else if (first == "VP8L") {
    if (body.size() < 5 || static_cast<unsigned char>(body[0]) != 0x2F) {
      malformed("WebP", "bad VP8L header");
    }
    std::uint32_t bits = little_endian(body, 1, 4);
    header.width = (bits & 0x3FFF) + 1;
    header.height = ((bits >> 14) & 0x3FFF) + 1;
  } else if (first == "VP8X") {
    if (body.size() < 10) malformed("WebP", "bad VP8X header");
    if (static_cast<unsigned char>(body[0]) & 0x02) {
      throw ImageRejected(RejectReason::unsupported_type, "animated WebP images are not accepted");
    }
    header.width = little_endian(body, 4, 3) + 1;
    header.height = little_endian(body, 7, 3) + 1;
    for (std::size_t at = 12; has(data, at, 8);) {
      std::size_t length = little_endian(data, at + 4, 4);
      if (!has(data, at + 8, length)) break;
      if (data.substr(at, 4) == "EXIF") {
        header.orientation = read_exif_orientation(data.substr(at + 8, length));
      }
      at += 8 + length + (length & 1);  // chunks are padded to an even size
    }
  } else {
    malformed("WebP", "unknown first chunk");
  }
  return header;
}

}  // namespace

void check_pixel_limit(std::uint64_t width, std::uint64_t height) {
  if (width == 0 || height == 0) {
    throw ImageRejected(RejectReason::malformed, "the image has no pixels");
  }
  if (width * height > max_pixels) {
    throw ImageRejected(RejectReason::too_many_pixels,
                        "the image has " + std::to_string(width) + "x" + std::to_string(height) +
                            " pixels; at most 40 megapixels are accepted");
  }
}

ImageHeader read_header(std::string_view bytes) {
  if (bytes.empty()) throw ImageRejected(RejectReason::malformed, "the upload is empty");
  auto format = sniff_format(bytes);
  if (!format) {
    throw ImageRejected(RejectReason::unsupported_type,
                        "not an accepted image (" + std::string(describe_refused(bytes)) +
                            "): upload a JPEG, PNG, WebP or HEIC photo");
  }
  ImageHeader header{.format = *format};
  switch (*format) {
    case ImageFormat::jpeg:
      header = read_jpeg(bytes);
      break;
    case ImageFormat::png:
      header = read_png(bytes);
      break;
    case ImageFormat::webp:
      header = read_webp(bytes);
      break;
    case ImageFormat::heic:
      return header;
  }
  check_pixel_limit(header.width, header.height);
  return header;
}

}  // namespace tmeit::media
