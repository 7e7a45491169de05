// PostgreSQL restarted (a crash: immediate shutdown, then recovery) while clients keep writing:
// every write the API acknowledged (200) is in the database afterwards; while the database is
// down the answers are quick 503s, never 500s or hangs; the same server process recovers
// without a restart and accepts writes again.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "support/club.hpp"
#include "support/eventually.hpp"
#include "support/load.hpp"
#include "support/postgres.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(FaultDbRestart, EveryAcknowledgedWriteSurvivesAndTheServerRecovers) {
  PrivateCluster cluster{/*durable=*/true};  // commits survive a crash, as in production
  migrate_up(cluster.url());
  add_member(cluster.url(), "marshal@example.com", "marshal");
  ServerProcess server(server_environment(cluster.url(), {{"TMEIT_DB_TIMEOUT_MS", "1000"}}));
  server.drop_access_lines();
  const auto token = login(server.port(), "marshal@example.com");
  const pid_t pid = server.pid();

  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::uint64_t acknowledged_after_restart = 0;
  bool restarted = false;
  LoadGenerator load(
      4,
      [&](std::size_t worker, std::uint64_t n) {
        const nlohmann::json body{{"title", "w" + std::to_string(worker) + "-" + std::to_string(n)},
                                  {"event_start", "2030-01-01T18:00:00Z"}};
        return LoadRequest{server.port(), json_request(http::verb::post, "/api/v1/events/create",
                                                       bearer(token), body.dump())};
      },
      [&](std::size_t, const LoadRequest&, const Response& response) {
        if (response.result_int() != 200) return;
        const auto uuid = nlohmann::json::parse(response.body()).at("uuid").get<std::string>();
        std::lock_guard lock(mutex);
        acknowledged.insert(uuid);
        if (restarted) ++acknowledged_after_restart;
      });
  ASSERT_TRUE(eventually([&] { return load.answered() >= 50; }, 20s));
  cluster.stop("immediate");
  std::this_thread::sleep_for(1500ms);  // writes meet a database that is gone
  cluster.start();
  {
    std::lock_guard lock(mutex);
    restarted = true;
  }
  const bool recovered = eventually(
      [&] {
        std::lock_guard lock(mutex);
        return acknowledged_after_restart >= 50;
      },
      30s, 100ms);
  const auto report = load.stop();
  std::cout << "[ load ] " << report.summary() << "\n";

  EXPECT_TRUE(recovered) << "no writes acknowledged after the restart";
  EXPECT_EQ(report.transport_errors, 0u) << report.summary();
  EXPECT_EQ(report.count(200, 201) + report.count(503, 504), report.requests)
      << "only 200 and 503 expected: " << report.summary();
  EXPECT_GT(report.count(503, 504), 0u) << "the outage was not noticed: " << report.summary();
  // Some acknowledged creates can be missing only if the database lost them.
  const auto rows = PgConnection(cluster.url()).query("SELECT uuid::text FROM events");
  std::set<std::string> stored;
  for (const auto& row : rows) stored.insert(*row.at(0));
  std::size_t missing = 0;
  for (const auto& uuid : acknowledged) missing += stored.contains(uuid) ? 0 : 1;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged writes";
  EXPECT_TRUE(server.running());
  EXPECT_EQ(server.pid(), pid);
  EXPECT_EQ(get(server.port(), "/ready").result_int(), 200);
}

}  // namespace
}  // namespace tmeit::test
