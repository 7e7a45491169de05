// The image-processing figure of docs/benchmarks.md (issue 14: a 12-megapixel phone JPEG becomes
// all three WebP sizes in at most 1.0 s of one core), measured through the real code:
// media::process_photo on a 4000x3000 JPEG at quality 90 that looks like a photo to the codecs
// (light, edges, texture at every scale, sensor noise: a file of a phone's size). It also
// writes that JPEG to JPEG_OUT, the upload that scripts/bench-photos sends to the server.
// Usage: photo_bench JPEG_OUT [RUNS]
#include "media/photo_processing.hpp"
#include "media/test_images.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using tmeit::media::Raster;

/// A hash of a block's coordinates, for texture that is the same on every run.
std::uint32_t block_hash(std::uint32_t x, std::uint32_t y, std::uint32_t salt) {
  std::uint32_t h = x * 73856093U ^ y * 19349663U ^ salt * 83492791U;
  h ^= h >> 13;
  h *= 0x5bd1e995U;
  return h ^ (h >> 15);
}

/// A 4000x3000 scene with detail at every scale, as a photo has: a sky gradient over a darker
/// ground, discs with hard edges, texture in blocks of 256, 64, 16 and 4 px (what survives
/// downscaling to 2048, 1024 and 256 px), and sensor noise of ±10 levels. A flat or smooth
/// picture would decode and encode several times faster than a real photo.
Raster photo_like_scene() {
  constexpr std::uint32_t width = 4000;
  constexpr std::uint32_t height = 3000;
  Raster raster{.width = width, .height = height, .channels = 3};
  raster.pixels.resize(std::size_t{width} * height * 3);
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      const bool sky = y < height * 11 / 20 + static_cast<std::uint32_t>(80 * std::sin(x / 300.0));
      int base[3] = {sky ? 90 + static_cast<int>(y * 80 / height) : 110,
                     sky ? 140 + static_cast<int>(y * 60 / height) : 100,
                     sky ? 210 - static_cast<int>(y * 40 / height) : 60};
      for (std::uint32_t disc = 0; disc < 6; ++disc) {
        const double dx = x - (400.0 + disc * 640.0);
        const double dy = y - (1700.0 + (disc % 2) * 500.0);
        if (dx * dx + dy * dy < 250.0 * 250.0) {
          base[0] = 200 - static_cast<int>(disc * 25);
          base[1] = 60 + static_cast<int>(disc * 30);
          base[2] = 40 + static_cast<int>(disc * 20);
        }
      }
      auto* pixel = &raster.pixels[(std::size_t{y} * width + x) * 3];
      for (std::uint32_t channel = 0; channel < 3; ++channel) {
        int value = base[channel];
        for (const auto& [block, amplitude] :
             {std::pair{256U, 24}, {64U, 16}, {16U, 12}, {4U, 8}}) {
          value += static_cast<int>(block_hash(x / block, y / block, block + channel) %
                                    (2 * amplitude + 1)) -
                   amplitude;
        }
        value += static_cast<int>(block_hash(x, y, channel) % 21) - 10;
        pixel[channel] = static_cast<std::uint8_t>(std::clamp(value, 0, 255));
      }
    }
  }
  return raster;
}

/// The CPU time this process has used (user and system): on a busy machine wall time would
/// count the waits for a core.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: photo_bench JPEG_OUT [RUNS]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::stoi(argv[2])) : 5;
  const std::string jpeg = tmeit::media::test_images::jpeg(photo_like_scene(), 90);
  std::ofstream(argv[1], std::ios::binary) << jpeg;
  std::printf("upload: 4000x3000 JPEG, quality 90, %.1f MB, written to %s\n", jpeg.size() / 1e6,
              argv[1]);

  std::vector<double> cpu;
  std::vector<double> wall;
  std::size_t webp_bytes = 0;
  for (int run = 0; run < runs; ++run) {
    const double cpu_before = cpu_seconds();
    const auto wall_before = std::chrono::steady_clock::now();
    const auto photo = tmeit::media::process_photo(jpeg);
    wall.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_before).count());
    cpu.push_back(cpu_seconds() - cpu_before);
    webp_bytes = 0;
    for (const auto& variant : photo.variants) webp_bytes += variant.webp.size();
  }
  std::sort(cpu.begin(), cpu.end());
  std::sort(wall.begin(), wall.end());
  std::printf("sizes 2048, 1024 and 256 px as WebP: %zu KB in all\n", webp_bytes / 1000);
  std::printf(
      "process_photo over %d runs: CPU min %.2f s, median %.2f s, max %.2f s "
      "(wall median %.2f s)   target: <= 1.0 s of one core\n",
      runs, cpu.front(), cpu[cpu.size() / 2], cpu.back(), wall[wall.size() / 2]);
  return 0;
}
