// The faults of issue 11, each against a real PostgreSQL and a real S3-API server: a failing
// pg_dump, storage down mid-upload, a corrupted or truncated object, two runs at once, clock
// skew in object timestamps, and a prune interrupted halfway.
#include <gtest/gtest.h>

#include "domain/backup_keys.hpp"
#include "support/backup_setup.hpp"
#include "support/metrics_text.hpp"

namespace tmeit::test {
namespace {

namespace keys = domain::backup_keys;
using namespace std::chrono;

/// How many backup runs ended this way.
std::string runs_with(BackupSetup& setup, const std::string& outcome) {
  return setup.server.database().connect().scalar(
      "SELECT count(*) FROM backup_runs WHERE kind = 'backup' AND outcome = '" + outcome + "'");
}

/// A verified backup at `taken` as `backup run` would leave it (an object and its manifest),
/// written with the full key, for the retention tests.
void put_verified(BackupSetup& setup, sys_seconds taken) {
  const std::string key = keys::backup_key(taken);
  auto store = setup.store();
  store.put(key, "age-encryption.org/v1 test object", {});
  store.put(key + ".manifest.json", R"({"key":")" + key + R"("})", {});
}

/// The newest 24 backups are never pruned: 24 hourly ones up to `now` - 10 min, so that the
/// older ones below face the retention rules alone. Returns their keys.
std::vector<std::string> put_recent_day(BackupSetup& setup, sys_seconds now) {
  std::vector<std::string> keys;
  for (int hour = 23; hour >= 0; --hour) {
    const auto taken = now - minutes{10} - hours{hour};
    put_verified(setup, taken);
    keys.push_back(keys::backup_key(taken));
  }
  return keys;
}

/// `old` followed by `recent`.
std::vector<std::string> concat(std::vector<std::string> old,
                                const std::vector<std::string>& recent) {
  old.insert(old.end(), recent.begin(), recent.end());
  return old;
}

TEST(BackupFaults, AFailingPgDumpLeavesNoObjectAndTheMetricStill) {
  BackupSetup setup;
  // A migration holding a table lock: pg_dump gives up after TMEIT_BACKUP_LOCK_WAIT_MS.
  auto locker = setup.server.database().connect();
  locker.query("BEGIN; LOCK TABLE members IN ACCESS EXCLUSIVE MODE");
  const auto run = setup.backup({"run"}, {{"TMEIT_BACKUP_LOCK_WAIT_MS", "500"}});
  locker.query("ROLLBACK");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("pg_dump: exit 1"), std::string::npos) << run.output;
  EXPECT_TRUE(setup.keys().empty());
  EXPECT_EQ(runs_with(setup, "failed"), "1");
  const auto metrics = parse_metrics(setup.server.get_metrics().body());
  EXPECT_EQ(metric_value(metrics, "tmeit_backup_last_success_timestamp_seconds"), 0);
  EXPECT_EQ(metric_value(metrics, "tmeit_backup_last_run_success"), 0);
}

TEST(BackupFaults, AnUnreachableDatabaseFailsWithoutAnObject) {
  BackupSetup setup;
  const auto run = setup.backup(
      {"run"}, {{"DATABASE_URL", "postgresql://postgres@127.0.0.1:" + std::to_string(free_port()) +
                                     "/nowhere?connect_timeout=2"}});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("cannot connect to the database"), std::string::npos) << run.output;
  EXPECT_TRUE(setup.keys().empty());
}

TEST(BackupFaults, StorageDownMidUploadAbortsAndNothingCounts) {
  BackupSetup setup;
  setup.add_bulk_events(200);
  setup.s3.set_faults(R"([{"method":"PUT","match":"partNumber=2","status":503,"count":100}])");
  const auto run = setup.backup({"run"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  std::size_t aborts = 0;
  for (const auto& request : setup.s3.requests()) {
    if (request["method"] == "DELETE" &&
        request["query"].get<std::string>().find("uploadId=") != std::string::npos) {
      ++aborts;
    }
  }
  EXPECT_EQ(aborts, 1u);
  EXPECT_TRUE(setup.keys().empty());
  EXPECT_EQ(runs_with(setup, "failed"), "1");
  // The next hour's run works again.
  setup.s3.clear();
  EXPECT_EQ(setup.backup({"run"}).exit_code, 0);
  EXPECT_EQ(setup.backup_keys().size(), 1u);
}

TEST(BackupFaults, ACorruptedOrTruncatedObjectIsRefusedBeforeTheTargetIsTouched) {
  BackupSetup setup;
  setup.add_bulk_events(50);
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  const std::string key = setup.backup_keys().at(0);
  const std::string original = setup.object(key);
  for (const std::string& damaged :
       {original.substr(0, original.size() / 2), original.substr(0, original.size() - 1) + "x"}) {
    setup.store().put(key, damaged, {});
    TestDatabase target;
    const auto restore = setup.backup({"restore", "--from", key, "--to", target.url()});
    EXPECT_EQ(restore.exit_code, 1) << restore.output;
    EXPECT_NE(restore.output.find("corrupt or truncated"), std::string::npos) << restore.output;
    EXPECT_EQ(target.connect().scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
              "0");
  }
}

TEST(BackupFaults, ASecondRunAtTheSameTimeExits) {
  BackupSetup setup;
  auto holder = setup.server.database().connect();
  // The lock a running `backup run` holds (backup::backup_lock_key, "tmeit_bk").
  holder.query("SELECT pg_advisory_lock(8389473184459481707)");
  const auto second = setup.backup({"run"});
  EXPECT_EQ(second.exit_code, 3) << second.output;
  EXPECT_NE(second.output.find("another backup run holds the lock"), std::string::npos);
  EXPECT_TRUE(setup.keys().empty());
  holder.query("SELECT pg_advisory_unlock(8389473184459481707)");
  EXPECT_EQ(setup.backup({"run"}).exit_code, 0);
}

TEST(BackupFaults, RetentionGoesByTheTimeInTheKeyNotTheObjectsTimestamp) {
  BackupSetup setup;
  // Every object is written now (s3rver's LastModified says so); the keys say 40 days ago.
  const auto now = floor<seconds>(system_clock::now());
  const auto day = floor<days>(now) - days{40};
  for (int hour = 0; hour < 3; ++hour) put_verified(setup, day + hours{hour});
  const auto recent = put_recent_day(setup, now);
  const auto prune = setup.backup({"prune"}, {}, /*writer_key=*/false);
  ASSERT_EQ(prune.exit_code, 0) << prune.output;
  EXPECT_EQ(setup.backup_keys(), concat({keys::backup_key(day)}, recent));
}

TEST(BackupFaults, AnInterruptedPruneIsFinishedByTheNext) {
  BackupSetup setup;
  const auto now = floor<seconds>(system_clock::now());
  const auto day = floor<days>(now) - days{40};
  for (int hour = 0; hour < 6; ++hour) put_verified(setup, day + hours{hour});
  const auto recent = put_recent_day(setup, now);
  // Its manifest goes, its object does not: the worst moment.
  setup.s3.set_faults(
      R"([{"method":"DELETE","ends":"T030000Z.dump.age","status":500,"count":100}])");
  const auto interrupted = setup.backup({"prune"}, {}, false);
  EXPECT_EQ(interrupted.exit_code, 1) << interrupted.output;
  // 00 is kept, 01 and 02 went, 03 lost only its manifest, 04 and 05 were not reached.
  EXPECT_EQ(setup.backup_keys().size(), 4u + 24u);
  setup.s3.clear();
  const auto finished = setup.backup({"prune"}, {}, false);
  ASSERT_EQ(finished.exit_code, 0) << finished.output;
  EXPECT_EQ(setup.backup_keys(), concat({keys::backup_key(day)}, recent));
  EXPECT_EQ(setup.keys().size(), 2u * 25u);  // backups and their manifests, nothing stray
}

TEST(BackupFaults, TheWriterKeyCannotPrune) {
  BackupSetup setup;
  const auto now = floor<seconds>(system_clock::now());
  put_verified(setup, floor<days>(now) - days{40});
  put_verified(setup, floor<days>(now) - days{40} + hours{1});
  put_recent_day(setup, now);
  const auto prune = setup.backup({"prune"});  // with the backup job's write-only key
  EXPECT_EQ(prune.exit_code, 1);
  EXPECT_NE(prune.output.find("AccessDenied"), std::string::npos) << prune.output;
  EXPECT_EQ(setup.backup_keys().size(), 26u);
}

}  // namespace
}  // namespace tmeit::test
