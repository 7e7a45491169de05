#include "http/photo_errors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tmeit::http {
namespace {

TEST(PhotoErrors, AnUnacceptedTypeIsA415) {
  auto error = photo_rejection(
      media::ImageRejected(media::RejectReason::unsupported_type, "not an accepted image (GIF)"));
  EXPECT_EQ(static_cast<unsigned>(error.status()), 415u);
  EXPECT_EQ(std::string(error.what()), "not an accepted image (GIF)");
}

TEST(PhotoErrors, TooManyPixelsOrADamagedFileIsA422NamingTheFileField) {
  for (auto reason : {media::RejectReason::too_many_pixels, media::RejectReason::malformed}) {
    auto error = photo_rejection(media::ImageRejected(reason, "the image is too large"));
    EXPECT_EQ(static_cast<unsigned>(error.status()), 422u);
    EXPECT_EQ(std::string(error.what()), "file: the image is too large");
    EXPECT_EQ(error.detail()[0].at("loc"), nlohmann::json::parse(R"(["body", "file"])"));
    EXPECT_EQ(error.detail()[0].at("msg"), "the image is too large");
  }
}

}  // namespace
}  // namespace tmeit::http
