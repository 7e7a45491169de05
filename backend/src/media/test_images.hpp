#pragma once

// Images made by the tests themselves (nothing is downloaded or committed): the encoders of
// the same libraries the decoders use, plus hand-built bytes for broken and hostile files.
// Included only by *_test.cpp files and backend/tests/tools/photo_bench.cpp.

#include "media/raster.hpp"

#include <libheif/heif.h>
#include <png.h>
#include <turbojpeg.h>
#include <webp/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tmeit::media::test_images {

/// A `width`×`height` RGB raster whose left half is red and right half blue (so a rotation
/// or mirror shows), with a little noise-free gradient in green.
inline Raster halves(std::uint32_t width, std::uint32_t height) {
  Raster raster{.width = width, .height = height, .channels = 3};
  raster.pixels.resize(std::size_t{width} * height * 3);
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      auto* pixel = &raster.pixels[(std::size_t{y} * width + x) * 3];
      bool left = x < width / 2;
      pixel[0] = left ? 220 : 20;
      pixel[1] = static_cast<std::uint8_t>(y * 100 / height);
      pixel[2] = left ? 20 : 220;
    }
  }
  return raster;
}

inline std::string jpeg(const Raster& raster, int quality = 90) {
  tjhandle handle = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  int rc =
      tjCompress2(handle, raster.pixels.data(), static_cast<int>(raster.width), 0,
                  static_cast<int>(raster.height), TJPF_RGB, &out, &size, TJSAMP_420, quality, 0);
  std::string bytes = rc == 0 ? std::string(reinterpret_cast<char*>(out), size) : "";
  tjFree(out);
  tjDestroy(handle);
  if (rc != 0) throw std::runtime_error("tjCompress2 failed");
  return bytes;
}

inline std::string png(const Raster& raster) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = raster.width;
  image.height = raster.height;
  image.format = raster.channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, raster.pixels.data(), 0, nullptr) == 0) {
    throw std::runtime_error("png size failed");
  }
  std::string bytes(size, '\0');
  if (png_image_write_to_memory(&image, bytes.data(), &size, 0, raster.pixels.data(), 0, nullptr) ==
      0) {
    throw std::runtime_error("png write failed");
  }
  bytes.resize(size);
  return bytes;
}

inline std::string webp(const Raster& raster) {
  std::uint8_t* out = nullptr;
  auto size = WebPEncodeRGB(raster.pixels.data(), static_cast<int>(raster.width),
                            static_cast<int>(raster.height), static_cast<int>(raster.width * 3),
                            90.0F, &out);
  std::string bytes(reinterpret_cast<char*>(out), size);
  WebPFree(out);
  if (size == 0) throw std::runtime_error("WebPEncodeRGB failed");
  return bytes;
}

inline heif_error write_to_string(heif_context*, const void* data, size_t size, void* target) {
  static_cast<std::string*>(target)->append(static_cast<const char*>(data), size);
  return {heif_error_Ok, heif_suberror_Unspecified, "ok"};
}

/// A HEIC (HEVC in HEIF, libheif with x265), as phones write them. x265 keeps a little global
/// state for the process's life, which LeakSanitizer would report: photo_processing_test.cpp
/// suppresses exactly that. (heif_init/heif_deinit around the encoding would free it, but
/// libheif forbids mixing them with the decoder's use without them.)
inline std::string heic(const Raster& raster) {
  heif_context* context = heif_context_alloc();
  heif_encoder* encoder = nullptr;
  heif_image* image = nullptr;
  std::string bytes;
  auto ok = [](heif_error error) { return error.code == heif_error_Ok; };
  bool good =
      ok(heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder)) &&
      ok(heif_image_create(static_cast<int>(raster.width), static_cast<int>(raster.height),
                           heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image)) &&
      ok(heif_image_add_plane(image, heif_channel_interleaved, static_cast<int>(raster.width),
                              static_cast<int>(raster.height), 8));
  if (good) {
    int stride = 0;
    std::uint8_t* plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
    for (std::size_t y = 0; y < raster.height; ++y) {
      std::copy_n(&raster.pixels[y * raster.width * 3], raster.width * 3,
                  plane + y * static_cast<std::size_t>(stride));
    }
    heif_writer writer{1, write_to_string};
    good = ok(heif_context_encode_image(context, image, encoder, nullptr, nullptr)) &&
           ok(heif_context_write(context, &writer, &bytes));
  }
  if (image) heif_image_release(image);
  if (encoder) heif_encoder_release(encoder);
  heif_context_free(context);
  if (!good) throw std::runtime_error("HEIC encoding failed");
  return bytes;
}

/// A little-endian TIFF block whose IFD0 holds one orientation entry.
inline std::string exif_with_orientation(int orientation) {
  std::string tiff("II*\0\x08\0\0\0", 8);
  tiff += std::string("\x01\0", 2);                    // one entry
  tiff += std::string("\x12\x01\x03\0\x01\0\0\0", 8);  // 0x0112, SHORT, count 1
  tiff += static_cast<char>(orientation);
  tiff += std::string("\0\0\0", 3);
  tiff += std::string("\0\0\0\0", 4);  // no next IFD
  return tiff;
}

/// `jpeg` with an APP1 Exif segment holding `tiff`, right after the start-of-image marker.
inline std::string with_exif(const std::string& jpeg, const std::string& tiff) {
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  auto length = payload.size() + 2;
  std::string segment = "\xFF\xE1";
  segment += static_cast<char>(length >> 8);
  segment += static_cast<char>(length & 0xFF);
  return jpeg.substr(0, 2) + segment + payload + jpeg.substr(2);
}

/// A PNG chunk (length, type, data, CRC).
inline std::string png_chunk(std::string_view type, std::string_view data) {
  std::string chunk;
  for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>(data.size() >> shift);
  std::string body = std::string(type) + std::string(data);
  auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  chunk += body;
  for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>(crc >> shift);
  return chunk;
}

/// A decompression bomb: a PNG whose header says 60000×60000 RGB (10.8 GB decoded) followed by
/// ~50 KB of deflated zero rows, about what a real one sends before a decoder gives up.
inline std::string png_bomb() {
  std::string header;
  for (std::uint32_t side : {60000u, 60000u}) {
    for (int shift = 24; shift >= 0; shift -= 8) header += static_cast<char>(side >> shift);
  }
  header += std::string("\x08\x02\0\0\0", 5);  // 8 bits, RGB, deflate, no filter, no interlace
  std::string zeros(50'000'000, '\0');
  uLongf size = compressBound(static_cast<uLong>(zeros.size()));
  std::string deflated(size, '\0');
  compress2(reinterpret_cast<Bytef*>(deflated.data()), &size,
            reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uLong>(zeros.size()), 9);
  deflated.resize(size);
  return "\x89PNG\r\n\x1A\n" + png_chunk("IHDR", header) + png_chunk("IDAT", deflated) +
         png_chunk("IEND", "");
}

}  // namespace tmeit::media::test_images
