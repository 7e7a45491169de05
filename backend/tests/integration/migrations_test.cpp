// `tmeit migrate up | status | wait`: applies every migration once (also with two runners at
// once), reports pending ones, refuses changed applied files, and waits for the schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/paths.hpp"
#include "support/postgres.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

namespace fs = std::filesystem;

/// The file names of the repo's migrations, in order.
std::vector<std::string> migration_files(const fs::path& dir = paths::migrations_dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".sql") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

RunResult migrate(const std::string& database_url, const std::string& command,
                  const Environment& extra = {}, std::vector<std::string> more_args = {}) {
  std::vector<std::string> args{"migrate", command};
  args.insert(args.end(), more_args.begin(), more_args.end());
  return run_tmeit(args, server_environment(database_url, extra));
}

int applied_count(const TestDatabase& database) {
  return std::stoi(database.connect().scalar("SELECT count(*) FROM schema_migrations"));
}

class Migrations : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(migration_files().empty()) << "no migrations found"; }
  TestDatabase database_;
};

TEST_F(Migrations, StatusOnFreshDatabaseExits1AndListsPending) {
  auto result = migrate(database_.url(), "status");
  EXPECT_EQ(result.exit_code, 1) << result.output;
  for (const auto& name : migration_files()) {
    auto stem = fs::path(name).stem().string();  // with or without ".sql"
    EXPECT_NE(result.output.find(stem), std::string::npos) << stem << " not in:\n" << result.output;
  }
}

TEST_F(Migrations, UpAppliesEveryMigration) {
  auto result = migrate(database_.url(), "up");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(applied_count(database_), static_cast<int>(migration_files().size()));
}

TEST_F(Migrations, StatusAfterUpExits0) {
  ASSERT_EQ(migrate(database_.url(), "up").exit_code, 0);
  auto result = migrate(database_.url(), "status");
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST_F(Migrations, SecondUpIsANoOp) {
  ASSERT_EQ(migrate(database_.url(), "up").exit_code, 0);
  auto again = migrate(database_.url(), "up");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(applied_count(database_), static_cast<int>(migration_files().size()));
}

TEST_F(Migrations, TwoConcurrentRunnersApplyEachMigrationOnce) {
  auto env = server_environment(database_.url());
  auto first = spawn_tmeit({"migrate", "up"}, env);
  auto second = spawn_tmeit({"migrate", "up"}, env);
  EXPECT_EQ(first.wait_for(60s), 0);
  EXPECT_EQ(second.wait_for(60s), 0);
  EXPECT_EQ(applied_count(database_), static_cast<int>(migration_files().size()));
}

TEST_F(Migrations, ChangedAppliedFileIsRefused) {
  TempDir copy;
  fs::copy(paths::migrations_dir, copy.path() / "migrations");
  Environment env{{"TMEIT_MIGRATIONS_DIR", (copy.path() / "migrations").string()}};
  ASSERT_EQ(migrate(database_.url(), "up", env).exit_code, 0);

  auto changed = migration_files().front();
  auto path = copy.path() / "migrations" / changed;
  copy.write(fs::relative(path, copy.path()), read_file(path) + "\n-- edited after release\n");
  auto result = migrate(database_.url(), "up", env);
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find(fs::path(changed).stem().string()), std::string::npos)
      << result.output;
}

TEST_F(Migrations, WaitTimesOutOnUnmigratedDatabase) {
  auto started = std::chrono::steady_clock::now();
  auto result = migrate(database_.url(), "wait", {}, {"--timeout", "2"});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_GE(took, 1500ms);
  EXPECT_LT(took, 6s);
}

TEST_F(Migrations, WaitReturns0OnMigratedDatabase) {
  ASSERT_EQ(migrate(database_.url(), "up").exit_code, 0);
  auto result = migrate(database_.url(), "wait", {}, {"--timeout", "2"});
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST_F(Migrations, WaitStartedBeforeUpReturns0OnceDone) {
  auto waiter =
      spawn_tmeit({"migrate", "wait", "--timeout", "30"}, server_environment(database_.url()));
  std::this_thread::sleep_for(500ms);
  ASSERT_TRUE(waiter.running()) << "wait returned before the schema was there";
  ASSERT_EQ(migrate(database_.url(), "up").exit_code, 0);
  EXPECT_EQ(waiter.wait_for(10s), 0);
}

// A first deploy starts the migration Job and PostgreSQL together: `up` must not lose the race.
TEST(MigrationsUp, RetriesItsFirstConnectionUntilTheDatabaseIsUp) {
  PrivateCluster cluster;
  cluster.stop();
  auto runner =
      spawn_tmeit({"migrate", "up", "--timeout", "60"}, server_environment(cluster.url(), {}));
  std::this_thread::sleep_for(1500ms);
  ASSERT_TRUE(runner.running()) << "up gave up while the database was starting";
  cluster.start();
  EXPECT_EQ(runner.wait_for(30s), 0);
  EXPECT_EQ(PgConnection(cluster.url()).scalar("SELECT count(*) FROM schema_migrations"),
            std::to_string(migration_files().size()));
}

TEST(MigrationsUp, GivesUpAfterItsTimeout) {
  auto result = run_tmeit({"migrate", "up", "--timeout", "1"},
                          server_environment(database_url(free_port(), "nowhere")));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("database unavailable"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace tmeit::test
