#include "storage/folder_store.hpp"

#include "storage/object_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace tmeit::storage {
namespace {

namespace fs = std::filesystem;

/// A fresh folder store under the test's temp dir.
class FolderStoreTest : public testing::Test {
 protected:
  FolderStoreTest()
      : root_(fs::path(testing::TempDir()) /
              ("folder-store-" +
               std::string(testing::UnitTest::GetInstance()->current_test_info()->name()))),
        store_((fs::remove_all(root_), root_)) {}
  ~FolderStoreTest() override { fs::remove_all(root_); }

  std::string read(const std::string& key) {
    std::string body;
    if (!store_.get(key, [&body](std::string_view chunk) { body.append(chunk); })) {
      return "(missing)";
    }
    return body;
  }

  fs::path root_;
  FolderStore store_;
};

TEST_F(FolderStoreTest, PutGetHeadRemove) {
  store_.put("photos/a b/ü.webp", "pixels", {"image/webp", {{"sha256", "abc"}}});
  EXPECT_EQ(read("photos/a b/ü.webp"), "pixels");
  const auto head = store_.head("photos/a b/ü.webp");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->size, 6u);
  EXPECT_EQ(head->metadata.at("sha256"), "abc");
  store_.put("photos/a b/ü.webp", "new", {});
  EXPECT_EQ(read("photos/a b/ü.webp"), "new");
  store_.remove("photos/a b/ü.webp");
  EXPECT_EQ(read("photos/a b/ü.webp"), "(missing)");
  EXPECT_FALSE(store_.head("photos/a b/ü.webp"));
  store_.remove("photos/a b/ü.webp");  // missing: not an error
  // Emptied folders go too, like on S3.
  EXPECT_FALSE(fs::exists(root_ / "photos"));
}

TEST_F(FolderStoreTest, KeysCannotLeaveTheFolder) {
  for (const std::string key : {"../escape", "/etc/passwd", "a/../../b", "a//b", "a/./b", "",
                                "a\\..\\b", ".tmeit-tmp/x", "a/.tmeit-meta", "tab\there"}) {
    EXPECT_THROW(store_.put(key, "x", {}), StorageError) << key;
    EXPECT_THROW(store_.head(key), StorageError) << key;
  }
  EXPECT_FALSE(fs::exists(root_.parent_path() / "escape"));
}

TEST_F(FolderStoreTest, ListsInKeyOrderWithPagesAndPrefix) {
  for (const std::string key : {"b/2", "a/1", "b/1", "b/10", "c", "b/3"}) store_.put(key, key, {});
  ListPage first = store_.list("b/", "", 2);
  ASSERT_EQ(first.objects.size(), 2u);
  EXPECT_EQ(first.objects[0].key, "b/1");
  EXPECT_EQ(first.objects[1].key, "b/10");
  ListPage second = store_.list("b/", first.next, 2);
  ASSERT_EQ(second.objects.size(), 2u);
  EXPECT_EQ(second.objects[0].key, "b/2");
  EXPECT_EQ(second.objects[1].key, "b/3");
  EXPECT_TRUE(second.next.empty());
  EXPECT_EQ(store_.list_all("").size(), 6u);
  EXPECT_EQ(first.objects[0].size, 3u);
}

TEST_F(FolderStoreTest, AbortedMultipartLeavesNothing) {
  {
    ObjectWriter writer(store_, "big/object", {}, 4);
    writer.write("0123456789");  // two parts already written
  }                              // destroyed unfinished: aborted
  EXPECT_FALSE(store_.head("big/object"));
  EXPECT_TRUE(fs::is_empty(root_ / ".tmeit-tmp"));
  EXPECT_TRUE(store_.list_all("").empty());
}

TEST_F(FolderStoreTest, MultipartAssemblesPartsInOrder) {
  ObjectWriter writer(store_, "big/object", {}, 4);
  writer.write("0123456789");
  writer.write("ab");
  EXPECT_FALSE(store_.head("big/object"));  // nothing visible before finish
  EXPECT_EQ(writer.finish(), 12u);
  EXPECT_EQ(read("big/object"), "0123456789ab");
  EXPECT_TRUE(fs::is_empty(root_ / ".tmeit-tmp"));
}

}  // namespace
}  // namespace tmeit::storage
