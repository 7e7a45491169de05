#include "media/decoders.hpp"

#include "media/image_error.hpp"
#include "media/image_header.hpp"

#include <turbojpeg.h>

#include <algorithm>
#include <memory>
#include <string>

namespace tmeit::media {
namespace {

struct TjDeleter {
  void operator()(void* handle) const noexcept { tjDestroy(handle); }
};
using TjPtr = std::unique_ptr<void, TjDeleter>;

[[noreturn]] void refuse(tjhandle handle) {
  throw ImageRejected(RejectReason::malformed,
                      std::string("JPEG file is damaged: ") + tjGetErrorStr2(handle));
}

// The smallest TurboJPEG scaling factor (num/denom ≤ 1) that keeps the long side at least
// `min_long_side`; 1/1 when none does.
tjscalingfactor pick_scale(int width, int height, std::uint32_t min_long_side) {
  int count = 0;
  tjscalingfactor* factors = tjGetScalingFactors(&count);
  tjscalingfactor best{1, 1};
  int long_side = std::max(width, height);
  for (int i = 0; factors != nullptr && i < count; ++i) {
    auto factor = factors[i];
    if (factor.num > factor.denom) continue;
    auto scaled = static_cast<std::uint32_t>(TJSCALED(long_side, factor));
    if (scaled >= min_long_side && factor.num * best.denom < best.num * factor.denom) {
      best = factor;
    }
  }
  return best;
}

}  // namespace

Raster decode_jpeg(std::string_view bytes, std::uint32_t min_long_side) {
  TjPtr handle(tjInitDecompress());
  if (!handle) throw std::runtime_error("tjInitDecompress failed");
  auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  auto size = static_cast<unsigned long>(bytes.size());
  int width = 0;
  int height = 0;
  int subsampling = 0;
  int colorspace = 0;
  if (tjDecompressHeader3(handle.get(), data, size, &width, &height, &subsampling, &colorspace) !=
      0) {
    refuse(handle.get());
  }
  check_pixel_limit(static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height));
  auto scale = pick_scale(width, height, min_long_side);
  Raster raster{.width = static_cast<std::uint32_t>(TJSCALED(width, scale)),
                .height = static_cast<std::uint32_t>(TJSCALED(height, scale)),
                .channels = 3};
  raster.pixels.resize(std::size_t{raster.width} * raster.height * 3);
  int flags = TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS;
  if (tjDecompress2(handle.get(), data, size, raster.pixels.data(), static_cast<int>(raster.width),
                    0, static_cast<int>(raster.height), TJPF_RGB, flags) != 0) {
    refuse(handle.get());
  }
  return raster;
}

}  // namespace tmeit::media
