// GET /health (process liveness, no database) and GET /ready (database reachable and migrated).
#include <gtest/gtest.h>

#include "support/eventually.hpp"
#include "support/http_assertions.hpp"
#include "support/postgres.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(Health, AnswersHealthyWithoutDatabase) {
  // Nothing listens on a port that was just free: the database is unreachable.
  ServerProcess server(server_environment(database_url(free_port(), "nowhere")));
  auto response = get(server.port(), "/health");
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_TRUE(has_media_type(response, "application/json"));
  EXPECT_EQ(json_body(response), nlohmann::json({{"healthy", true}}));
}

TEST(Ready, IsReadyOnMigratedDatabase) {
  TestServer server;
  auto response = server.get("/ready");
  EXPECT_EQ(response.result_int(), 200) << response.body();
  EXPECT_TRUE(has_media_type(response, "application/json"));
  EXPECT_EQ(json_body(response), nlohmann::json({{"ready", true}}));
}

TEST(Ready, Is503BeforeMigration) {
  TestServer server({.migrate = false});
  auto response = server.get("/ready");
  EXPECT_EQ(response.result_int(), 503);
  auto body = json_body(response);
  EXPECT_EQ(body.value("ready", true), false);
  EXPECT_FALSE(body.value("error", "").empty()) << response.body();
}

TEST(Ready, Is503WhenDatabaseUnreachable) {
  ServerProcess server(
      server_environment(database_url(free_port(), "nowhere"), {{"TMEIT_DB_TIMEOUT_MS", "500"}}));
  auto response = get(server.port(), "/ready");
  EXPECT_EQ(response.result_int(), 503);
  auto body = json_body(response);
  EXPECT_EQ(body.value("ready", true), false);
  EXPECT_FALSE(body.value("error", "").empty()) << response.body();
}

TEST(Ready, BecomesReadyOnceMigratedWithoutRestart) {
  TestServer server({.migrate = false});
  ASSERT_EQ(server.get("/ready").result_int(), 503);
  migrate_up(server.database().url());
  EXPECT_TRUE(eventually([&] { return server.get("/ready").result_int() == 200; }, 5s));
}

}  // namespace
}  // namespace tmeit::test
