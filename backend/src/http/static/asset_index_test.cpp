#include "http/static/asset_index.hpp"

#include "http/static/test_site.hpp"
#include "util/sha256.hpp"

#include <gtest/gtest.h>

namespace tmeit::http::static_assets {
namespace {

TEST(StaticFilesAssetIndex, ViteHashedNamesUnderAssetsAreHashed) {
  EXPECT_TRUE(is_hashed_asset_path("/assets/index-BQ3x9aZk.js"));
  EXPECT_TRUE(is_hashed_asset_path("/assets/index-B-x_12ab.css"));
  EXPECT_TRUE(is_hashed_asset_path("/assets/app-AbC123xY.js.map"));
  EXPECT_TRUE(is_hashed_asset_path("/assets/vendor.prod-0123456789abcdef.js"));
}

TEST(StaticFilesAssetIndex, ShortHashesAndPlainNamesAreNotHashed) {
  EXPECT_FALSE(is_hashed_asset_path("/assets/index-abc1234.js"));
  EXPECT_FALSE(is_hashed_asset_path("/assets/logo.png"));
  EXPECT_FALSE(is_hashed_asset_path("/assets/-AbC123xY.js"));
  EXPECT_FALSE(is_hashed_asset_path("/assets/app-AbC123xY"));
}

TEST(StaticFilesAssetIndex, FilesOutsideAssetsAreNotHashed) {
  EXPECT_FALSE(is_hashed_asset_path("/app-AbC123xY.js"));
  EXPECT_FALSE(is_hashed_asset_path("/index.html"));
}

TEST(StaticFilesAssetIndex, IndexesFilesWithTheirVariants) {
  testing::TestSite site;
  const AssetIndex index = index_assets(site.root());
  const Asset& app = index.at("/assets/app-AbC123xY.js");
  EXPECT_EQ(app.identity.size, testing::TestSite::app_js.size());
  ASSERT_TRUE(app.gzip.has_value());
  ASSERT_TRUE(app.br.has_value());
  EXPECT_EQ(app.br->size, testing::TestSite::app_js_br.size());
  EXPECT_TRUE(app.immutable);
  EXPECT_FALSE(index.at("/robots.txt").immutable);
  EXPECT_FALSE(index.contains("/assets/app-AbC123xY.js.gz"));
}

TEST(StaticFilesAssetIndex, ETagIsATruncatedSha256) {
  testing::TestSite site;
  const AssetIndex index = index_assets(site.root());
  const std::string full = util::to_hex(util::sha256(testing::TestSite::index_html));
  EXPECT_EQ(index.at("/index.html").identity.etag, "\"" + full.substr(0, 24) + "\"");
}

TEST(StaticFilesAssetIndex, LeavesOutSymlinksThatLeadOutOfRoot) {
  testing::TestSite site;
  const AssetIndex index = index_assets(site.root());
  EXPECT_FALSE(index.contains("/leak.txt"));
  EXPECT_FALSE(index.contains("/linked/secret.txt"));
  EXPECT_TRUE(index.contains("/alias.txt"));
}

}  // namespace
}  // namespace tmeit::http::static_assets
