// `tmeit seed`: the embedded run's master account and demo content, created once.
#include <gtest/gtest.h>

#include <string>

#include "support/postgres.hpp"
#include "support/subprocess.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

class Seed : public ::testing::Test {
 protected:
  void SetUp() override {
    auto migrated = run_tmeit({"migrate", "up"}, server_environment(database_.url()));
    ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  }

  RunResult seed(const Environment& extra = {{"TMEIT_ADMIN_PASSWORD", "a-long-admin-password"}}) {
    return run_tmeit({"seed"}, server_environment(database_.url(), extra));
  }

  std::string scalar(const std::string& sql) { return database_.connect().scalar(sql); }

  TestDatabase database_;
};

TEST_F(Seed, CreatesTheMasterWithAnArgon2idHash) {
  auto result = seed();
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(scalar("SELECT role FROM members WHERE login_email = 'admin@tmeit.local'"), "master");
  EXPECT_EQ(scalar("SELECT left(password_hash, 10) FROM members "
                   "WHERE login_email = 'admin@tmeit.local'"),
            "$argon2id$");
}

TEST_F(Seed, AddsDemoContentToAnEmptyDatabase) {
  ASSERT_EQ(seed().exit_code, 0);
  EXPECT_GT(std::stoi(scalar("SELECT count(*) FROM events")), 0);
  EXPECT_GT(std::stoi(scalar("SELECT count(*) FROM members WHERE role <> 'master'")), 0);
}

TEST_F(Seed, SecondRunChangesNothing) {
  ASSERT_EQ(seed().exit_code, 0);
  const auto members = scalar("SELECT count(*) FROM members");
  const auto events = scalar("SELECT count(*) FROM events");
  ASSERT_EQ(seed().exit_code, 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM members"), members);
  EXPECT_EQ(scalar("SELECT count(*) FROM events"), events);
}

TEST_F(Seed, LeavesADatabaseWithRealContentAlone) {
  database_.connect().scalar(
      "INSERT INTO members (login_email, first_name, last_name) "
      "VALUES ('someone@example.org', 'Some', 'One') RETURNING 1");
  ASSERT_EQ(seed().exit_code, 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM events"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM members"), "2");  // someone + the master
}

TEST_F(Seed, RefusesToRunWithoutAnAdminPassword) {
  auto result = seed({});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("TMEIT_ADMIN_PASSWORD"), std::string::npos) << result.output;
  EXPECT_EQ(scalar("SELECT count(*) FROM members"), "0");
}

}  // namespace
}  // namespace tmeit::test
