#include "media/photo_processing.hpp"

#include "media/image_error.hpp"
#include "media/test_images.hpp"

#include <gtest/gtest.h>
#include <webp/decode.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

// LeakSanitizer's hook: x265 (the HEIC encoder of test_images::heic, never used by the server)
// allocates global state it frees only at x265_cleanup, which libheif calls from heif_deinit.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libx265.so";
}

namespace tmeit::media {
namespace {

namespace fs = std::filesystem;

RejectReason why_processing_rejects(std::string_view upload) {
  try {
    process_photo(upload);
  } catch (const ImageRejected& rejected) {
    return rejected.reason();
  }
  ADD_FAILURE() << "process_photo accepted it";
  return RejectReason::malformed;
}

struct Size {
  std::uint32_t width;
  std::uint32_t height;
  bool operator==(const Size&) const = default;
};

std::vector<Size> sizes(const ProcessedPhoto& photo) {
  std::vector<Size> out;
  for (const auto& variant : photo.variants) out.push_back({variant.width, variant.height});
  return out;
}

// The RGB pixel at (x, y) of a WebP file.
std::array<int, 3> pixel(const std::string& webp, int x, int y) {
  int width = 0;
  int height = 0;
  std::uint8_t* rgb = WebPDecodeRGB(reinterpret_cast<const std::uint8_t*>(webp.data()), webp.size(),
                                    &width, &height);
  EXPECT_NE(rgb, nullptr);
  std::array<int, 3> out{};
  if (rgb != nullptr && x < width && y < height) {
    for (int c = 0; c < 3; ++c) out[c] = rgb[(y * width + x) * 3 + c];
  }
  WebPFree(rgb);
  return out;
}

// The red half of test_images::halves at (red_x, red_y) and its blue half at (blue_x, blue_y)
// of a WebP file: where they land shows how the picture was turned.
void expect_red_then_blue(const std::string& webp, std::array<int, 2> red_at,
                          std::array<int, 2> blue_at) {
  auto red = pixel(webp, red_at[0], red_at[1]);
  auto blue = pixel(webp, blue_at[0], blue_at[1]);
  EXPECT_GT(red[0], 150);
  EXPECT_LT(red[2], 100);
  EXPECT_GT(blue[2], 150);
  EXPECT_LT(blue[0], 100);
}

// A file in a fresh temporary folder, removed with it.
struct TempFile {
  fs::path folder =
      fs::temp_directory_path() / ("tmeit-media-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  fs::path path = folder / "photo.jpg";
  explicit TempFile(const std::string& bytes) {
    fs::create_directories(folder);
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove_all(folder); }
  std::string read() const {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
};

// Runs exiftool (the reference reader of photo metadata) and returns what it prints.
std::string exiftool(const std::string& arguments) {
  std::string output;
  FILE* pipe = ::popen(("exiftool " + arguments + " 2>&1").c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (pipe == nullptr) return output;
  std::array<char, 4096> buffer{};
  while (auto read = std::fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), read);
  EXPECT_EQ(::pclose(pipe), 0) << output;
  return output;
}

TEST(PhotoProcessing, APhoneSizedJpegBecomesThreeWebpSizesUnderContentKeys) {
  auto photo = process_photo(test_images::jpeg(test_images::halves(3000, 2000)));
  EXPECT_EQ(photo.source_format, ImageFormat::jpeg);
  EXPECT_EQ(photo.width, 3000u);
  EXPECT_EQ(photo.height, 2000u);
  EXPECT_EQ(sizes(photo), (std::vector<Size>{{2048, 1365}, {1024, 683}, {256, 171}}));
  for (const auto& variant : photo.variants) {
    EXPECT_TRUE(std::regex_match(variant.key, std::regex("photos/[0-9a-f]{64}\\.webp")));
    EXPECT_EQ(variant.webp.substr(0, 4), "RIFF");
    EXPECT_EQ(variant.webp.substr(8, 4), "WEBP");
    EXPECT_EQ(variant.key, variant_key(variant.webp));
  }
  EXPECT_EQ(photo.variants[0].long_side, 2048u);
  EXPECT_EQ(photo.variants[2].long_side, 256u);
}

TEST(PhotoProcessing, EveryAcceptedFormatDecodesAndSmallImagesAreNotEnlarged) {
  auto raster = test_images::halves(300, 200);
  for (const auto& upload : {test_images::png(raster), test_images::webp(raster),
                             test_images::heic(raster), test_images::jpeg(raster)}) {
    auto photo = process_photo(upload);
    EXPECT_EQ(sizes(photo), (std::vector<Size>{{300, 200}, {300, 200}, {256, 171}}));
    // The same pixels make the same bytes and so the same key: stored once.
    EXPECT_EQ(photo.variants[0].key, photo.variants[1].key);
    expect_red_then_blue(photo.variants[0].webp, {50, 100}, {250, 100});
  }
}

TEST(PhotoProcessing, TurnsThePhotoUprightByItsExifOrientation) {
  // Stored 64 wide, 32 high, red left and blue right; orientation 6 means "turn 90° clockwise",
  // which brings red to the top of a 32-wide, 64-high picture.
  auto jpeg = test_images::jpeg(test_images::halves(64, 32));
  auto photo = process_photo(test_images::with_exif(jpeg, test_images::exif_with_orientation(6)));
  EXPECT_EQ(photo.width, 32u);
  EXPECT_EQ(photo.height, 64u);
  EXPECT_EQ(sizes(photo)[0], (Size{32, 64}));
  expect_red_then_blue(photo.variants[0].webp, {16, 8}, {16, 56});
}

TEST(PhotoProcessing, LeavesGpsAndEveryOtherMetadataBehind) {
  TempFile upload(test_images::jpeg(test_images::halves(64, 48)));
  exiftool(
      "-q -overwrite_original -GPSLatitude=59.3293 -GPSLatitudeRef=N "
      "-GPSLongitude=18.0686 -GPSLongitudeRef=E -Artist='Secret Name' -Orientation#=6 " +
      upload.path.string());
  auto before = exiftool("-a -G1 -s " + upload.path.string());
  ASSERT_NE(before.find("GPSLatitude"), std::string::npos) << before;
  ASSERT_NE(before.find("Secret Name"), std::string::npos) << before;

  auto photo = process_photo(upload.read());
  EXPECT_EQ(sizes(photo)[0], (Size{48, 64}));  // the orientation was applied, then dropped
  for (const auto& variant : photo.variants) {
    TempFile output(variant.webp);
    auto after = exiftool("-a -G1 -s " + output.path.string());
    EXPECT_EQ(after.find("GPS"), std::string::npos) << after;
    EXPECT_EQ(after.find("Secret Name"), std::string::npos) << after;
    EXPECT_EQ(after.find("[EXIF"), std::string::npos) << after;
    EXPECT_EQ(after.find("[XMP"), std::string::npos) << after;
    EXPECT_EQ(after.find("[IFD0"), std::string::npos) << after;
    EXPECT_NE(after.find("ImageWidth"), std::string::npos) << after;
  }
}

TEST(PhotoProcessing, RefusesDamagedAndHostileFilesWithTheirReason) {
  auto raster = test_images::halves(120, 80);
  auto jpeg = test_images::jpeg(raster);
  auto png = test_images::png(raster);
  auto webp = test_images::webp(raster);
  auto heic = test_images::heic(raster);
  EXPECT_EQ(why_processing_rejects(jpeg.substr(0, jpeg.size() / 2)), RejectReason::malformed);
  EXPECT_EQ(why_processing_rejects(png.substr(0, png.size() / 2)), RejectReason::malformed);
  EXPECT_EQ(why_processing_rejects(webp.substr(0, webp.size() / 2)), RejectReason::malformed);
  EXPECT_EQ(why_processing_rejects(heic.substr(0, heic.size() / 2)), RejectReason::malformed);
  EXPECT_EQ(why_processing_rejects("\xFF\xD8\xFF" + png.substr(3)), RejectReason::malformed);
  EXPECT_EQ(why_processing_rejects(test_images::png_bomb()), RejectReason::too_many_pixels);
  EXPECT_EQ(why_processing_rejects("PK\x03\x04\x14\x00 a zip archive renamed photo.jpg"),
            RejectReason::unsupported_type);
  EXPECT_EQ(why_processing_rejects("GIF89a" + png), RejectReason::unsupported_type);
  EXPECT_EQ(why_processing_rejects(""), RejectReason::malformed);
}

TEST(PhotoProcessing, APolyglotsPayloadIsNeverStored) {
  // A valid JPEG with a script in a comment segment and a ZIP archive appended: what we
  // store is re-encoded pixels, so neither survives.
  auto jpeg = test_images::jpeg(test_images::halves(120, 80));
  std::string comment = "<script>alert(1)</script>";
  std::string segment = "\xFF\xFE";
  segment += static_cast<char>(0);
  segment += static_cast<char>(comment.size() + 2);
  auto polyglot = jpeg.substr(0, 2) + segment + comment + jpeg.substr(2) +
                  std::string("PK\x03\x04 payload.html <script>");
  auto photo = process_photo(polyglot);
  for (const auto& variant : photo.variants) {
    EXPECT_EQ(variant.webp.find("script"), std::string::npos);
    EXPECT_EQ(variant.webp.find("PK\x03\x04"), std::string::npos);
  }
}

}  // namespace
}  // namespace tmeit::media
