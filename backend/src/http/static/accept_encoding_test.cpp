#include "http/static/accept_encoding.hpp"

#include <gtest/gtest.h>

namespace tmeit::http::static_assets {
namespace {

ContentCoding choose(std::optional<std::string_view> header, bool has_gzip = true,
                     bool has_br = true) {
  return choose_coding(header, has_gzip, has_br);
}

TEST(StaticFilesAcceptEncoding, NoHeaderMeansIdentity) {
  EXPECT_EQ(choose(std::nullopt), ContentCoding::identity);
}

TEST(StaticFilesAcceptEncoding, BrotliIsPreferredOverGzip) {
  EXPECT_EQ(choose("gzip, deflate, br"), ContentCoding::br);
}

TEST(StaticFilesAcceptEncoding, GzipWhenBrotliIsNotAccepted) {
  EXPECT_EQ(choose("gzip, deflate"), ContentCoding::gzip);
}

TEST(StaticFilesAcceptEncoding, GzipWhenNoBrotliFileExists) {
  EXPECT_EQ(choose("gzip, br", true, false), ContentCoding::gzip);
}

TEST(StaticFilesAcceptEncoding, ZeroQualityRefusesACoding) {
  EXPECT_EQ(choose("br;q=0, gzip"), ContentCoding::gzip);
  EXPECT_EQ(choose("br;q=0.000, gzip;q=0"), ContentCoding::identity);
}

TEST(StaticFilesAcceptEncoding, HigherQualityWins) {
  EXPECT_EQ(choose("br;q=0.5, gzip;q=0.8"), ContentCoding::gzip);
}

TEST(StaticFilesAcceptEncoding, WildcardAcceptsEveryCoding) {
  EXPECT_EQ(choose("*"), ContentCoding::br);
  EXPECT_EQ(choose("*", true, false), ContentCoding::gzip);
}

TEST(StaticFilesAcceptEncoding, ExplicitEntryOverridesWildcard) {
  EXPECT_EQ(choose("*, br;q=0"), ContentCoding::gzip);
  EXPECT_EQ(choose("*;q=0, gzip"), ContentCoding::gzip);
  EXPECT_EQ(choose("*;q=0"), ContentCoding::identity);
}

TEST(StaticFilesAcceptEncoding, TokensAndParametersAreCaseInsensitive) {
  EXPECT_EQ(choose("GZIP;Q=1", true, false), ContentCoding::gzip);
  EXPECT_EQ(choose("x-gzip", true, false), ContentCoding::gzip);
}

TEST(StaticFilesAcceptEncoding, EmptyHeaderMeansIdentity) {
  EXPECT_EQ(choose(""), ContentCoding::identity);
  EXPECT_EQ(choose("identity"), ContentCoding::identity);
}

TEST(StaticFilesAcceptEncoding, MalformedQualityIgnoresTheEntry) {
  EXPECT_EQ(choose("br;q=2, gzip"), ContentCoding::gzip);
  EXPECT_EQ(choose("br;q=abc, gzip"), ContentCoding::gzip);
  EXPECT_EQ(choose("br;q=0.12345"), ContentCoding::identity);
}

TEST(StaticFilesAcceptEncoding, NoVariantsMeansIdentity) {
  EXPECT_EQ(choose("br, gzip", false, false), ContentCoding::identity);
}

TEST(StaticFilesAcceptEncoding, CodingTokensAreTheHeaderValues) {
  EXPECT_EQ(coding_token(ContentCoding::br), "br");
  EXPECT_EQ(coding_token(ContentCoding::gzip), "gzip");
  EXPECT_EQ(coding_token(ContentCoding::identity), "");
}

}  // namespace
}  // namespace tmeit::http::static_assets
