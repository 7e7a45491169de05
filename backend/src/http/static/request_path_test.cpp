#include "http/static/request_path.hpp"

#include <gtest/gtest.h>

namespace tmeit::http::static_assets {
namespace {

TEST(StaticFilesRequestPath, PlainPathIsKept) {
  EXPECT_EQ(decode_request_path("/assets/app-AbC123xY.js"), "/assets/app-AbC123xY.js");
}

TEST(StaticFilesRequestPath, QueryStringIsDropped) {
  EXPECT_EQ(decode_request_path("/events?page=2&x=%zz"), "/events");
}

TEST(StaticFilesRequestPath, PercentEscapesAreDecoded) {
  EXPECT_EQ(decode_request_path("/a%20b%C3%A5"), "/a b\xc3\xa5");
}

TEST(StaticFilesRequestPath, TargetMustStartWithSlash) {
  EXPECT_EQ(decode_request_path("*"), std::nullopt);
  EXPECT_EQ(decode_request_path("http://example.com/"), std::nullopt);
  EXPECT_EQ(decode_request_path(""), std::nullopt);
}

TEST(StaticFilesRequestPath, MalformedEscapesAreRejected) {
  EXPECT_EQ(decode_request_path("/a%zz"), std::nullopt);
  EXPECT_EQ(decode_request_path("/a%4"), std::nullopt);
  EXPECT_EQ(decode_request_path("/a%"), std::nullopt);
}

TEST(StaticFilesRequestPath, NulAndControlCharactersAreRejected) {
  EXPECT_EQ(decode_request_path("/index.html%00.png"), std::nullopt);
  EXPECT_EQ(decode_request_path("/a%0d%0a"), std::nullopt);
  EXPECT_EQ(decode_request_path(std::string_view{"/a\0b", 4}), std::nullopt);
}

TEST(StaticFilesRequestPath, BackslashesAreRejectedRawOrEncoded) {
  EXPECT_EQ(decode_request_path("/..\\etc\\passwd"), std::nullopt);
  EXPECT_EQ(decode_request_path("/a%5cb"), std::nullopt);
}

TEST(StaticFilesRequestPath, DotSegmentsAreRejectedRawOrEncoded) {
  EXPECT_EQ(decode_request_path("/../etc/passwd"), std::nullopt);
  EXPECT_EQ(decode_request_path("/assets/.."), std::nullopt);
  EXPECT_EQ(decode_request_path("/./index.html"), std::nullopt);
  EXPECT_EQ(decode_request_path("/%2e%2e/etc/passwd"), std::nullopt);
  EXPECT_EQ(decode_request_path("/assets/%2E%2e"), std::nullopt);
  EXPECT_EQ(decode_request_path("/.%2e/x"), std::nullopt);
}

TEST(StaticFilesRequestPath, EncodedSlashIsRejected) {
  EXPECT_EQ(decode_request_path("/..%2fetc%2fpasswd"), std::nullopt);
  EXPECT_EQ(decode_request_path("/assets%2Fapp.js"), std::nullopt);
}

TEST(StaticFilesRequestPath, DoubleEncodingIsRejected) {
  EXPECT_EQ(decode_request_path("/%252e%252e/etc/passwd"), std::nullopt);
  EXPECT_EQ(decode_request_path("/a%252fb"), std::nullopt);
}

TEST(StaticFilesRequestPath, DotsInsideNamesAreFine) {
  EXPECT_EQ(decode_request_path("/a..b/.well-known/x.txt"), "/a..b/.well-known/x.txt");
}

TEST(StaticFilesRequestPath, ApiPathsAreRecognised) {
  EXPECT_TRUE(is_api_path("/api"));
  EXPECT_TRUE(is_api_path("/api/v1/members/"));
  EXPECT_FALSE(is_api_path("/apis"));
  EXPECT_FALSE(is_api_path("/about"));
}

TEST(StaticFilesRequestPath, ExtensionIsReadFromTheLastSegmentOnly) {
  EXPECT_TRUE(has_file_extension("/favicon.png"));
  EXPECT_TRUE(has_file_extension("/assets/missing-abc12345.js"));
  EXPECT_FALSE(has_file_extension("/team"));
  EXPECT_FALSE(has_file_extension("/v1.2/team"));
  EXPECT_FALSE(has_file_extension("/.hidden"));
  EXPECT_FALSE(has_file_extension("/trailing."));
  EXPECT_FALSE(has_file_extension("/"));
}

}  // namespace
}  // namespace tmeit::http::static_assets
