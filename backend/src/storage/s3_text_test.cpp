#include "storage/s3_text.hpp"

#include "storage/s3_client.hpp"

#include <gtest/gtest.h>

namespace tmeit::storage {
namespace {

TEST(S3Text, UriEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(s3_text::uri_encode("backups/2026/a b+c~ü", true), "backups/2026/a%20b%2Bc~%C3%BC");
  EXPECT_EQ(s3_text::uri_encode("a/b", false), "a%2Fb");
}

TEST(S3Text, CanonicalQueryIsSortedAndEncoded) {
  EXPECT_EQ(s3_text::canonical_query(
                {{"prefix", "backups/"}, {"list-type", "2"}, {"continuation-token", "a+b="}}),
            "continuation-token=a%2Bb%3D&list-type=2&prefix=backups%2F");
  EXPECT_EQ(s3_text::canonical_query({{"uploads", ""}}), "uploads=");
}

TEST(S3Text, XmlValuesAreDecoded) {
  const std::string xml =
      "<ListBucketResult><Contents><Key>a &amp; b&#x2F;&lt;c&gt;</Key><Size>12</Size></Contents>"
      "<Contents><Key>z&#252;</Key><Size>1</Size></Contents><IsTruncated>true</IsTruncated>"
      "<NextContinuationToken>t&quot;1</NextContinuationToken></ListBucketResult>";
  const auto blocks = s3_text::xml_blocks(xml, "Contents");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(s3_text::xml_value(blocks[0], "Key"), "a & b/<c>");
  EXPECT_EQ(s3_text::xml_value(blocks[1], "Key"), "zü");
  EXPECT_EQ(s3_text::xml_value(xml, "NextContinuationToken"), "t\"1");
  EXPECT_EQ(s3_text::xml_value(xml, "Missing"), "");
}

TEST(S3Text, ErrorDocumentsBecomeOneLine) {
  EXPECT_EQ(s3_error_text("<Error><Code>AccessDenied</Code><Message>No.</Message></Error>"),
            "AccessDenied: No.");
  EXPECT_EQ(s3_error_text("<Result/>"), "");
}

TEST(S3Client, PathStyleAndVirtualHostStyleUrls) {
  S3Settings settings;
  settings.endpoint = "https://s3.eu-central-003.backblazeb2.com/";
  settings.bucket = "tmeit-backups";
  EXPECT_EQ(S3Client(settings).url("backups/a b"),
            "https://s3.eu-central-003.backblazeb2.com/tmeit-backups/backups/a%20b");
  settings.path_style = false;
  EXPECT_EQ(S3Client(settings).url("backups/a b"),
            "https://tmeit-backups.s3.eu-central-003.backblazeb2.com/backups/a%20b");
  EXPECT_EQ(S3Client(settings).url(""), "https://tmeit-backups.s3.eu-central-003.backblazeb2.com/");
}

}  // namespace
}  // namespace tmeit::storage
