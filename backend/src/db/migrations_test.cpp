#include "db/migrations.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace tmeit::db {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::string error_of(const Files& files) {
  try {
    make_migrations(files);
  } catch (const MigrationError& error) {
    return error.what();
  }
  return "";
}

AppliedMigration applied(const Migration& migration) {
  return {migration.version, migration.name, migration.checksum, "2026-01-01T00:00:00Z", 1};
}

TEST(MigrationVersion, AcceptsFourDigitsAndALowerCaseDescription) {
  EXPECT_EQ(migration_version("0001_create_members.sql"), 1);
  EXPECT_EQ(migration_version("0042_add_phone_number_2.sql"), 42);
}

TEST(MigrationVersion, RejectsOtherNames) {
  for (const char* name :
       {"001_x.sql", "00001_x.sql", "0001-x.sql", "0001_.sql", "0001_X.sql", "0001_x.SQL",
        "0001_x.sql.bak", "0000_x.sql", "abcd_x.sql", "0001_add column.sql", "README.md"}) {
    EXPECT_FALSE(migration_version(name)) << name;
  }
}

TEST(MakeMigrations, SortsByNumberAndChecksumsTheBytes) {
  const auto migrations =
      make_migrations({{"0002_b.sql", "SELECT 2;"}, {"0001_a.sql", "SELECT 1;"}});
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].name, "0001_a");
  EXPECT_EQ(migrations[1].name, "0002_b");
  EXPECT_EQ(migrations[0].sql, "SELECT 1;");
  // SHA-256 of the file bytes, in hex.
  EXPECT_EQ(migrations[0].checksum,
            "17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a");
  EXPECT_TRUE(migrations[0].transactional);
}

TEST(MakeMigrations, DuplicateNumbersNameBothFiles) {
  const auto error = error_of({{"0001_a.sql", "SELECT 1;"}, {"0001_b.sql", "SELECT 1;"}});
  EXPECT_NE(error.find("0001_a.sql"), std::string::npos) << error;
  EXPECT_NE(error.find("0001_b.sql"), std::string::npos) << error;
}

TEST(MakeMigrations, GapsAreRefused) {
  const auto error = error_of({{"0001_a.sql", "SELECT 1;"}, {"0003_c.sql", "SELECT 3;"}});
  EXPECT_NE(error.find("number 2 is missing before 0003_c.sql"), std::string::npos) << error;
}

TEST(MakeMigrations, FirstNumberMustBeOne) {
  EXPECT_NE(error_of({{"0002_b.sql", "SELECT 2;"}}).find("number 1 is missing"), std::string::npos);
}

TEST(MakeMigrations, BadNamesAndEmptyFilesAreAllReported) {
  const auto error = error_of({{"0001_a.sql", "  \n"}, {"2_b.sql", "SELECT 2;"}});
  EXPECT_NE(error.find("0001_a.sql is empty"), std::string::npos) << error;
  EXPECT_NE(error.find("bad migration file name '2_b.sql'"), std::string::npos) << error;
}

TEST(MakeMigrations, NoTransactionMarkerOnTheFirstLine) {
  const auto migrations = make_migrations(
      {{"0001_a.sql", "-- tmeit:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (c);"}});
  EXPECT_FALSE(migrations[0].transactional);
  const auto later = make_migrations({{"0001_a.sql", "SELECT 1;\n-- tmeit:no-transaction\n"}});
  EXPECT_TRUE(later[0].transactional);
}

TEST(LoadMigrations, ReadsOnlySqlFilesOfTheFolder) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("tmeit_migrations_test_" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "0001_a.sql") << "SELECT 1;";
  std::ofstream(dir / "README.md") << "not a migration";
  const auto migrations = load_migrations(dir);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].name, "0001_a");
}

TEST(LoadMigrations, MissingFolderNamesIt) {
  try {
    load_migrations("/nonexistent/tmeit/migrations");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/tmeit/migrations"), std::string::npos);
  }
}

class PlanMigrations : public ::testing::Test {
 protected:
  std::vector<Migration> files_ = make_migrations(
      {{"0001_a.sql", "SELECT 1;"}, {"0002_b.sql", "SELECT 2;"}, {"0003_c.sql", "SELECT 3;"}});
};

TEST_F(PlanMigrations, FreshDatabaseHasEverythingPending) {
  const auto plan = plan_migrations(files_, {});
  ASSERT_EQ(plan.pending.size(), 3u);
  EXPECT_EQ(plan.pending[0]->version, 1);
  EXPECT_EQ(plan.database_version, 0);
}

TEST_F(PlanMigrations, OnlyUnappliedFilesArePending) {
  const auto plan = plan_migrations(files_, {applied(files_[0]), applied(files_[1])});
  ASSERT_EQ(plan.pending.size(), 1u);
  EXPECT_EQ(plan.pending[0]->name, "0003_c");
  EXPECT_EQ(plan.database_version, 2);
}

TEST_F(PlanMigrations, ChangedAppliedFileIsRefusedByName) {
  auto row = applied(files_[1]);
  row.checksum = "0000000000000000000000000000000000000000000000000000000000000000";
  try {
    plan_migrations(files_, {applied(files_[0]), row});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& error) {
    EXPECT_NE(std::string(error.what()).find("0002_b.sql was changed"), std::string::npos);
  }
}

TEST_F(PlanMigrations, AppliedVersionMissingFromTheFolderIsRefused) {
  std::vector<Migration> without_second{files_[0], files_[2]};
  EXPECT_THROW(plan_migrations(without_second, {applied(files_[0]), applied(files_[1])}),
               MigrationError);
}

TEST_F(PlanMigrations, NewerDatabaseIsFineAndHasNothingPending) {
  auto newer = applied(files_[2]);
  newer.version = 4;
  newer.name = "0004_d";
  const auto plan =
      plan_migrations(files_, {applied(files_[0]), applied(files_[1]), applied(files_[2]), newer});
  EXPECT_TRUE(plan.pending.empty());
  EXPECT_TRUE(plan.database_newer);
  EXPECT_EQ(plan.database_version, 4);
}

TEST_F(PlanMigrations, PendingFileOlderThanAnAppliedOneIsRefused) {
  EXPECT_THROW(plan_migrations(files_, {applied(files_[0]), applied(files_[2])}), MigrationError);
}

TEST(SplitStatements, SplitsAtTopLevelSemicolonsOnly) {
  const std::string sql =
      "-- tmeit:no-transaction\nSET lock_timeout = '5s';\n"
      "CREATE INDEX CONCURRENTLY i ON t (c);\n-- trailing comment\n";
  const auto statements = split_statements(sql);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0], "-- tmeit:no-transaction\nSET lock_timeout = '5s';");
  EXPECT_EQ(statements[1], "\nCREATE INDEX CONCURRENTLY i ON t (c);");
}

TEST(SplitStatements, IgnoresSemicolonsInQuotesCommentsAndDollarQuotes) {
  const std::string sql =
      "SELECT 'a;''b', \"c;d\", E'e\\';f';\n"
      "/* x; /* nested; */ y; */ SELECT 1;\n"
      "DO $body$ BEGIN PERFORM 1; END $body$;\n"
      "SELECT $$;$$, a$b FROM t WHERE x = $1;";
  const auto statements = split_statements(sql);
  ASSERT_EQ(statements.size(), 4u) << ::testing::PrintToString(statements);
  EXPECT_EQ(statements[0], "SELECT 'a;''b', \"c;d\", E'e\\';f';");
  EXPECT_EQ(statements[2], "\nDO $body$ BEGIN PERFORM 1; END $body$;");
}

TEST(LineOfPosition, CountsCharactersNotBytes) {
  const std::string sql = "SELECT 1;\n-- é\nSELEC 2;";
  EXPECT_EQ(line_of_position(sql, 1), 1);
  EXPECT_EQ(line_of_position(sql, 11), 2);
  // "SELEC" starts at character 16 (the é is one character, two bytes).
  EXPECT_EQ(line_of_position(sql, 16), 3);
}

}  // namespace
}  // namespace tmeit::db
