// `tmeit backup run | restore | drill | list | plan` against a real PostgreSQL, a real S3-API
// server and the real age: what a backup is, what a restore brings back, and what it never does.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "support/backup_setup.hpp"
#include "support/club.hpp"
#include "support/eventually.hpp"
#include "support/metrics_text.hpp"
#include "support/temp_dir.hpp"
#include "util/sha256.hpp"

namespace tmeit::test {
namespace {

/// "YYYY-MM-DD" of a time, as the lock date starts.
std::string keys_date(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

std::string sha256_hex(const std::string& data) {
  return util::to_hex(util::sha256(data));
}

TEST(Backups, RunUploadsAnEncryptedVerifiedBackupWithTheWriteOnlyKey) {
  BackupSetup setup;
  setup.add_bulk_events(200);
  const auto run = setup.backup({"run"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto backups = setup.backup_keys();
  ASSERT_EQ(backups.size(), 1u);
  EXPECT_TRUE(std::regex_match(
      backups[0], std::regex(R"(backups/\d{4}/\d{2}/\d{2}/tmeit-\d{8}T\d{6}Z\.dump\.age)")))
      << backups[0];
  const std::string body = setup.object(backups[0]);
  EXPECT_TRUE(body.starts_with("age-encryption.org/v1\n")) << body.substr(0, 40);
  EXPECT_EQ(body.find("Bulk 1"), std::string::npos);  // no plain text of the database
  const auto manifest = nlohmann::json::parse(setup.object(backups[0] + ".manifest.json"));
  EXPECT_EQ(manifest["key"], backups[0]);
  EXPECT_EQ(manifest["size"], body.size());
  EXPECT_EQ(manifest["sha256"], sha256_hex(body));
  EXPECT_EQ(manifest["row_counts"]["events"], 200);
  EXPECT_GE(manifest["schema_version"].get<int>(), 7);
  // Several parts went up, and the writer never deleted anything.
  std::size_t parts = 0;
  for (const auto& request : setup.s3.requests()) {
    EXPECT_NE(request["method"], "DELETE") << request.dump();
    if (request["query"].get<std::string>().find("partNumber=") != std::string::npos) ++parts;
  }
  EXPECT_GE(parts, 2u);
  const auto rows = setup.server.database().connect().query(
      "SELECT outcome, object_key, size_bytes, sha256 FROM backup_runs WHERE kind = 'backup'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0][0], "success");
  EXPECT_EQ(*rows[0][1], backups[0]);
  EXPECT_EQ(*rows[0][2], std::to_string(body.size()));
  EXPECT_EQ(*rows[0][3], sha256_hex(body));
}

TEST(Backups, NewObjectsAreLockedForTheConfiguredDays) {
  BackupSetup setup;
  ASSERT_EQ(setup.backup({"run"}, {{"TMEIT_BACKUP_OBJECT_LOCK_DAYS", "14"}}).exit_code, 0);
  const auto until = keys_date(std::chrono::system_clock::now() + std::chrono::days{14});
  std::size_t locked_writes = 0;
  for (const auto& request : setup.s3.requests()) {
    const bool creates = (request["method"] == "PUT" && request["query"].get<std::string>().find(
                                                            "partNumber") == std::string::npos) ||
                         request["query"] == "uploads=";
    if (!creates) continue;
    EXPECT_TRUE(request["lock"].get<std::string>().starts_with(until)) << request.dump();
    ++locked_writes;
  }
  EXPECT_GE(locked_writes, 2u);  // the backup and its manifest
}

TEST(Backups, MetricsShowTheLastBackupFromTheDatabase) {
  BackupSetup setup;
  const auto before = parse_metrics(setup.server.get_metrics().body());
  EXPECT_EQ(metric_value(before, "tmeit_backup_last_success_timestamp_seconds"), 0);
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  const auto after = parse_metrics(setup.server.get_metrics().body());
  const double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_NEAR(metric_value(after, "tmeit_backup_last_success_timestamp_seconds").value_or(0), now,
              120);
  EXPECT_EQ(metric_value(after, "tmeit_backup_last_run_success"), 1);
  EXPECT_EQ(metric_value(after, "tmeit_backup_last_size_bytes"),
            static_cast<double>(setup.object(setup.backup_keys().at(0)).size()));
  EXPECT_EQ(metric_value(after, "tmeit_backup_restore_drill_last_success_timestamp_seconds"), 0);
}

TEST(Backups, RestoreBringsEverythingBackExceptWhoWasErasedSince) {
  BackupSetup setup;
  add_member(setup.server, "master@example.org", "master");
  const auto kept = add_member(setup.server, "kept@example.org", "vraq");
  const auto erased = add_member(setup.server, "erased@example.org", "prao");
  setup.add_bulk_events(30);
  // Mail to her is data about her too: the restore's erasure takes it along (db::erase_member).
  setup.server.database().connect().scalar(
      "INSERT INTO email_jobs (recipient, subject, body_text) VALUES "
      "('erased@example.org', 'Hello', 'Hi') RETURNING 1");
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  const std::string first = setup.backup_keys().at(0);
  // The member is deleted through the API after the backup was taken.
  const auto token = login(setup.server, "master@example.org");
  ASSERT_EQ(fetch(setup.server.port(), http::verb::delete_, "/api/v1/members/" + erased.short_uuid,
                  bearer(token))
                .result_int(),
            200);
  // The next run copies the erasure to the ledger beside the backups.
  std::this_thread::sleep_for(1100ms);  // a new second, so a new key
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  const auto ledger = setup.keys("backups/erasures/");
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_NE(ledger[0].find("-member-" + erased.uuid + ".json"), std::string::npos) << ledger[0];

  TestDatabase target;
  const auto restored = setup.backup({"restore", "--from", first, "--to", target.url()});
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  EXPECT_NE(restored.out.find("erased again: 1 of 1 ledger entries"), std::string::npos)
      << restored.out;
  auto db = target.connect();
  EXPECT_EQ(db.scalar("SELECT count(*) FROM members WHERE uuid = '" + kept.uuid + "'"), "1");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM members WHERE uuid = '" + erased.uuid + "'"), "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM events"), "30");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM email_jobs WHERE recipient = 'erased@example.org'"),
            "0");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM erasures WHERE subject_uuid = '" + erased.uuid +
                      "' AND ledger_key IS NOT NULL"),
            "1");
}

TEST(Backups, RestoreRefusesADatabaseWithTablesUnlessForced) {
  BackupSetup setup;
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  TestDatabase target;
  target.connect().query("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)");
  const auto refused = setup.backup({"restore", "--from", "latest", "--to", target.url()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("holds 1 tables"), std::string::npos) << refused.output;
  EXPECT_EQ(target.connect().scalar("SELECT count(*) FROM precious"), "1");
  const auto forced =
      setup.backup({"restore", "--from", "latest", "--to", target.url(), "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_EQ(target.connect().scalar("SELECT count(*) FROM schema_migrations") != "0", true);
}

TEST(Backups, DrillRestoresTheNewestBackupAndRecordsIt) {
  BackupSetup setup;
  add_member(setup.server, "drilled@example.org", "vraq");
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  TestDatabase scratch;
  const auto drill = setup.backup({"drill"}, {{"TMEIT_BACKUP_DRILL_DATABASE_URL", scratch.url()}});
  ASSERT_EQ(drill.exit_code, 0) << drill.output;
  EXPECT_EQ(scratch.connect().scalar(
                "SELECT count(*) FROM members WHERE login_email = 'drilled@example.org'"),
            "1");
  const auto metrics = parse_metrics(setup.server.get_metrics().body());
  EXPECT_GT(metric_value(metrics, "tmeit_backup_restore_drill_last_success_timestamp_seconds"), 0);
  // A second drill replaces what the first left in the scratch database.
  EXPECT_EQ(setup.backup({"drill"}, {{"TMEIT_BACKUP_DRILL_DATABASE_URL", scratch.url()}}).exit_code,
            0);
}

TEST(Backups, WorkerCopiesErasuresToTheLedgerPromptly) {
  BackupSetup setup;
  add_member(setup.server, "master@example.org", "master");
  const auto erased = add_member(setup.server, "gone@example.org", "prao");
  auto env = server_environment(setup.server.database().url(), setup.env());
  env["TMEIT_WORKER_PORT"] = "0";
  ServerProcess worker(env, 15s, {"worker"});
  const auto token = login(setup.server, "master@example.org");
  ASSERT_EQ(fetch(setup.server.port(), http::verb::delete_, "/api/v1/members/" + erased.short_uuid,
                  bearer(token))
                .result_int(),
            200);
  EXPECT_TRUE(eventually([&] { return setup.keys("backups/erasures/").size() == 1; }, 30s))
      << worker.output();
}

TEST(Backups, TheWorkerBacksUpHourlyIntoTheFolderStoreOfASingleMachine) {
  BackupSetup setup;
  TempDir storage;
  auto env = server_environment(setup.server.database().url(), setup.env());
  env.erase("TMEIT_BACKUP_STORAGE");  // as ./scripts/run: the photo store's folder serves both
  env["TMEIT_STORAGE_BACKEND"] = "folder";
  env["TMEIT_STORAGE_DIR"] = storage.path().string();
  env["TMEIT_BACKUP_SCHEDULE"] = "hourly";
  env["TMEIT_WORKER_PORT"] = "0";
  ServerProcess worker(env, 15s, {"worker"});
  const auto day = storage.path() / "backups";
  const auto manifests = [&] {
    std::size_t n = 0;
    if (!std::filesystem::exists(day)) return n;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(day)) {
      if (entry.path().string().ends_with(".manifest.json")) ++n;
    }
    return n;
  };
  // The first check comes ten seconds after the start; a backup then takes a few seconds.
  EXPECT_TRUE(eventually([&] { return manifests() == 1; }, 90s, 500ms)) << worker.output();
  EXPECT_EQ(setup.server.database().connect().scalar(
                "SELECT count(*) FROM backup_runs WHERE outcome = 'success'"),
            "1");
}

TEST(Backups, PlanReadsKeysAndPrintsTheRule) {
  BackupSetup setup;
  // Two old keys, then a day of hourly ones (the newest 24 are never deleted, so the old ones
  // face the retention rules alone).
  std::string input =
      "backups/2026/10/01/tmeit-20261001T010000Z.dump.age\n"
      "backups/2026/10/01/tmeit-20261001T000000Z.dump.age\n";
  for (int hour = 0; hour < 24; ++hour) {
    char line[80];
    std::snprintf(line, sizeof line, "backups/2026/11/%02d/tmeit-202611%02dT%02d0000Z.dump.age\n",
                  hour < 17 ? 27 : 28, hour < 17 ? 27 : 28, (hour + 7) % 24);
    input += line;
  }
  const auto plan = setup.backup_with_input({"plan", "--now", "2026-11-28T06:30:00Z"}, input);
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_TRUE(
      plan.out.starts_with("keep backups/2026/10/01/tmeit-20261001T000000Z.dump.age daily\n"
                           "delete backups/2026/10/01/tmeit-20261001T010000Z.dump.age\n"
                           "keep backups/2026/11/27/tmeit-20261127T070000Z.dump.age recent\n"))
      << plan.out;
  EXPECT_TRUE(
      plan.out.ends_with("keep backups/2026/11/28/tmeit-20261128T060000Z.dump.age recent\n"))
      << plan.out;
  EXPECT_EQ(std::count(plan.out.begin(), plan.out.end(), '\n'), 26);
  const auto bad = setup.backup_with_input({"plan", "--now", "2026-11-28T06:30:00Z"},
                                           "backups/2026/10/01/tmeit-20261001T010000Z.dump.age\n"
                                           "not a key\n");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("line 2 is not a backup key"), std::string::npos) << bad.err;
}

TEST(Backups, ListShowsEachBackupWithItsRule) {
  BackupSetup setup;
  ASSERT_EQ(setup.backup({"run"}).exit_code, 0);
  const auto list = setup.backup({"list"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.out.find("recent"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find(setup.backup_keys().at(0)), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("1 verified backups, 0 unverified"), std::string::npos) << list.out;
}

}  // namespace
}  // namespace tmeit::test
