#include "domain/backup_keys.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain::backup_keys {
namespace {

TEST(BackupKeys, KeyNamesTheUtcTimeInFoldersAndFile) {
  const auto time = parse_time("2026-11-28T06:30:05Z");
  ASSERT_TRUE(time);
  EXPECT_EQ(backup_key(*time), "backups/2026/11/28/tmeit-20261128T063005Z.dump.age");
  EXPECT_EQ(format_time(*time), "2026-11-28T06:30:05Z");
}

TEST(BackupKeys, ParsesItsOwnKeysOnly) {
  const auto parsed = parse_backup_key("backups/2024/02/29/tmeit-20240229T235959Z.dump.age");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(format_time(*parsed), "2024-02-29T23:59:59Z");
  for (const char* bad : {
           "backups/2024/02/29/tmeit-20240229T235959Z.dump.age.manifest.json",
           "backups/2024/02/28/tmeit-20240229T235959Z.dump.age",  // folder names another day
           "backups/2023/02/29/tmeit-20230229T000000Z.dump.age",  // no 29 February in 2023
           "backups/2024/02/29/tmeit-20240229T246000Z.dump.age",
           "backups/erasures/20240229T000000Z-member-x.json",
           "backups/2024/02/29/tmeit-20240229T235959.dump.age",
           "other/2024/02/29/tmeit-20240229T235959Z.dump.age",
           "",
       }) {
    EXPECT_FALSE(parse_backup_key(bad)) << bad;
  }
}

TEST(BackupKeys, TimesMustBeUtcWithSeconds) {
  EXPECT_FALSE(parse_time("2026-11-28T06:30Z"));
  EXPECT_FALSE(parse_time("2026-11-28T06:30:00+01:00"));
  EXPECT_FALSE(parse_time("2026-13-28T06:30:00Z"));
  EXPECT_FALSE(parse_time("2026-11-28 06:30:00Z"));
}

}  // namespace
}  // namespace tmeit::domain::backup_keys
