#include "domain/photo.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

const std::string hash(64, 'a');

PhotoKeys keys() {
  return {"photos/" + std::string(64, '2') + ".webp", "photos/" + std::string(64, '1') + ".webp",
          "photos/" + std::string(64, '0') + ".webp"};
}

std::string written(const std::optional<PhotoRef>& photo, bool public_viewer) {
  std::string out;
  util::JsonWriter writer(out);
  write_photo_ref(writer, photo, public_viewer);
  return out;
}

TEST(Photo, AFileNameIsAKeyOnlyWhenItIsAContentHash) {
  EXPECT_EQ(photo_key_of(hash + ".webp"), "photos/" + hash + ".webp");
  EXPECT_EQ(photo_key_of(std::string(64, 'A') + ".webp"), std::nullopt);  // upper case
  EXPECT_EQ(photo_key_of(std::string(63, 'a') + ".webp"), std::nullopt);
  EXPECT_EQ(photo_key_of(hash + ".png"), std::nullopt);
  EXPECT_EQ(photo_key_of(std::string(60, 'a') + "../x.webp"), std::nullopt);
  EXPECT_EQ(photo_key_of(""), std::nullopt);
}

TEST(Photo, UrlsAreWrittenSmallestFirstOneForEachSize) {
  EXPECT_EQ(written(PhotoRef{keys(), true}, false),
            R"({"256":"/photos/)" + std::string(64, '0') + R"(.webp","1024":"/photos/)" +
                std::string(64, '1') + R"(.webp","2048":"/photos/)" + std::string(64, '2') +
                R"(.webp"})");
}

TEST(Photo, ThePublicSeesOnlyPublicPhotos) {
  EXPECT_EQ(written(PhotoRef{keys(), false}, true), "null");
  EXPECT_NE(written(PhotoRef{keys(), false}, false), "null");
  EXPECT_NE(written(PhotoRef{keys(), true}, true), "null");
  EXPECT_EQ(written(std::nullopt, false), "null");
}

TEST(Photo, VisibilityIsPublicOrMembers) {
  EXPECT_TRUE(is_photo_visibility("public"));
  EXPECT_TRUE(is_photo_visibility("members"));
  EXPECT_FALSE(is_photo_visibility("Public"));
  EXPECT_FALSE(is_photo_visibility(""));
}

}  // namespace
}  // namespace tmeit::domain
