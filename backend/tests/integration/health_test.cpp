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
  EXPECT_EQ(json_body(response),
            nlohmann::json({{"ready", false}, {"error", "database schema too old"}}));
}

TEST(Ready, Is503WhenDatabaseUnreachableAndKeepsTheReasonOutOfTheBody) {
  ServerProcess server(
      server_environment(database_url(free_port(), "nowhere"), {{"TMEIT_DB_TIMEOUT_MS", "500"}}));
  auto response = get(server.port(), "/ready");
  EXPECT_EQ(response.result_int(), 503);
  // The database's own words (host, port, libpq's message) are for the log, not the public.
  EXPECT_EQ(json_body(response),
            nlohmann::json({{"ready", false}, {"error", "database unavailable"}}));
  auto logged = server.wait_for_log([](const LogLine& line) {
    return field(line, "msg") == "server error" &&
           field(line, "error").starts_with("database unavailable: ");
  });
  EXPECT_TRUE(logged.has_value()) << server.output();
}

TEST(Ready, BecomesReadyOnceMigratedWithoutRestart) {
  TestServer server({.migrate = false});
  ASSERT_EQ(server.get("/ready").result_int(), 503);
  migrate_up(server.database().url());
  EXPECT_TRUE(eventually([&] { return server.get("/ready").result_int() == 200; }, 5s));
}

}  // namespace
}  // namespace tmeit::test
