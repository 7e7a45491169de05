// A rolling update's view of one Pod going away while a second serves: the load balancer stops
// routing to it (Kubernetes removes the endpoint while the preStop pause runs), then SIGTERM.
// Requests already on their way, slow ones included, are answered; not one request fails; the
// instance exits 0 and the other carries on.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/club.hpp"
#include "support/eventually.hpp"
#include "support/load.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(FaultHandover, SigtermDuringLoadFailsNoRequest) {
  TestDatabase database;
  migrate_up(database.url());
  add_member(database.url(), "marshal@example.com", "marshal");
  // Logins against this one take a real argon2 hash: requests that are still running at SIGTERM.
  add_member(database.url(), "slow@example.com", "vraq", member_password,
             /*production_cost=*/true);
  const auto env = server_environment(database.url(), {{"TMEIT_SHUTDOWN_GRACE_MS", "10000"}});
  ServerProcess leaving(env);
  ServerProcess staying(env);
  leaving.drop_access_lines();
  staying.drop_access_lines();
  const auto token = login(staying.port(), "marshal@example.com");

  // The balancer: round robin over the endpoints it knows.
  std::atomic<bool> leaving_routed{true};
  LoadGenerator load(6, [&](std::size_t, std::uint64_t n) {
    const bool to_leaving = leaving_routed.load() && n % 2 == 0;
    const auto port = to_leaving ? leaving.port() : staying.port();
    if (n % 4 == 3) {
      const nlohmann::json body{{"title", "handover " + std::to_string(n)},
                                {"event_start", "2030-01-01T18:00:00Z"}};
      return LoadRequest{port, json_request(http::verb::post, "/api/v1/events/create",
                                            bearer(token), body.dump())};
    }
    return LoadRequest{port, get_request("/api/v1/events/", bearer(token))};
  });
  ASSERT_TRUE(eventually([&] { return load.answered() >= 200; }, 30s));

  // Slow requests on their way to the leaving instance when its endpoint goes.
  std::vector<std::future<unsigned>> slow;
  for (int i = 0; i < 2; ++i) {
    slow.push_back(std::async(std::launch::async, [&] {
      return fetch(leaving.port(), http::verb::post, "/api/v1/token",
                   {{"Content-Type", "application/x-www-form-urlencoded"}},
                   "username=slow%40example.com&password=" + std::string(member_password))
          .result_int();
    }));
  }
  std::this_thread::sleep_for(50ms);
  leaving_routed = false;              // the endpoint is removed ...
  std::this_thread::sleep_for(100ms);  // ... during a (short) preStop pause
  leaving.terminate();
  const auto answered_at_sigterm = load.answered();
  const auto exit_code = leaving.wait_exit(15s);
  ASSERT_TRUE(eventually([&] { return load.answered() >= answered_at_sigterm + 200; }, 30s));
  const auto report = load.stop();
  std::cout << "[ load ] " << report.summary() << "\n";

  for (auto& request : slow) EXPECT_EQ(request.get(), 200u) << "a slow request was cut off";
  EXPECT_EQ(exit_code, 0) << leaving.output();
  EXPECT_EQ(report.transport_errors, 0u) << report.summary();
  EXPECT_EQ(report.count(200, 300), report.requests) << report.summary();
  EXPECT_TRUE(staying.running());
}

}  // namespace
}  // namespace tmeit::test
