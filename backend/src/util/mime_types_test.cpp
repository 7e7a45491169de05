#include "util/mime_types.hpp"

#include <gtest/gtest.h>

namespace tmeit::util {
namespace {

TEST(MimeTypes, KnowsTheTypesAViteBuildEmits) {
  EXPECT_EQ(mime_type_for("index.html").content_type, "text/html; charset=utf-8");
  EXPECT_EQ(mime_type_for("app.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type_for("app.mjs").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type_for("app.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(mime_type_for("data.json").content_type, "application/json; charset=utf-8");
  EXPECT_EQ(mime_type_for("app.js.map").content_type, "application/json; charset=utf-8");
  EXPECT_EQ(mime_type_for("site.webmanifest").content_type,
            "application/manifest+json; charset=utf-8");
  EXPECT_EQ(mime_type_for("logo.svg").content_type, "image/svg+xml; charset=utf-8");
  EXPECT_EQ(mime_type_for("robots.txt").content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(mime_type_for("logo.png").content_type, "image/png");
  EXPECT_EQ(mime_type_for("photo.jpg").content_type, "image/jpeg");
  EXPECT_EQ(mime_type_for("photo.webp").content_type, "image/webp");
  EXPECT_EQ(mime_type_for("favicon.ico").content_type, "image/x-icon");
  EXPECT_EQ(mime_type_for("font.woff2").content_type, "font/woff2");
}

TEST(MimeTypes, ExtensionIsCaseInsensitive) {
  EXPECT_EQ(mime_type_for("LOGO.PNG").content_type, "image/png");
}

TEST(MimeTypes, OnlyTheLastPathSegmentCounts) {
  EXPECT_EQ(mime_type_for("/assets.v2/readme").content_type, "application/octet-stream");
  EXPECT_EQ(mime_type_for("/assets/app-AbC123xY.js").content_type,
            "text/javascript; charset=utf-8");
}

TEST(MimeTypes, UnknownOrMissingExtensionIsOctetStream) {
  EXPECT_EQ(mime_type_for("archive.xyz").content_type, "application/octet-stream");
  EXPECT_EQ(mime_type_for("README").content_type, "application/octet-stream");
  EXPECT_EQ(mime_type_for(".htaccess").content_type, "application/octet-stream");
  EXPECT_FALSE(mime_type_for("archive.xyz").compressible);
}

TEST(MimeTypes, TextTypesAreCompressibleAndImagesAreNot) {
  EXPECT_TRUE(mime_type_for("app.js").compressible);
  EXPECT_TRUE(mime_type_for("index.html").compressible);
  EXPECT_TRUE(mime_type_for("logo.svg").compressible);
  EXPECT_FALSE(mime_type_for("logo.png").compressible);
  EXPECT_FALSE(mime_type_for("font.woff2").compressible);
}

}  // namespace
}  // namespace tmeit::util
