// No lost updates: PATCHes of one member or one event that race each other each keep their
// fields. Every round starts the writers together (and in turn lets each kind start first), then
// checks that no write undid another. On the code before issue 12, which read the row and wrote
// every column back without a lock, these fail within a few rounds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "support/club.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr int rounds = 30;

/// Runs `writers` on their own threads, released together; writer `first` gets a head start of
/// a few hundred microseconds, so over the rounds each kind of write goes first.
void race(const std::vector<std::function<void()>>& writers, std::size_t first) {
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      if (i != first) std::this_thread::sleep_for(std::chrono::microseconds(300));
      writers[i]();
    });
  }
  go.store(true);
  for (auto& thread : threads) thread.join();
}

Response patch(TestServer& server, const std::string& target, const std::string& token,
               const json& body) {
  return fetch(server.port(), http::verb::patch, target, json_headers(bearer(token)), body.dump());
}

TEST(LostUpdates, AMembersOwnSaveNeverUndoesAMastersRoleChange) {
  TestServer server;
  add_member(server, "boss@example.com", "master");
  const auto anna = add_member(server, "anna@example.com", "vraq");
  const auto boss = login(server, "boss@example.com");
  const auto target = "/api/v1/members/" + anna.short_uuid;
  int undone = 0;
  for (int round = 0; round < rounds; ++round) {
    ASSERT_EQ(patch(server, target, boss, {{"current_role", "vraq"}}).result_int(), 200);
    // The role change revokes Anna's logins: a fresh one per round.
    const auto anna_token = login(server, "anna@example.com");
    const std::function<void()> save_phone = [&] {
      patch(server, target, anna_token, {{"phone", "070-" + std::to_string(round)}});
    };
    const std::function<void()> demote = [&] {
      EXPECT_EQ(patch(server, target, boss, {{"current_role", "prao"}}).result_int(), 200);
    };
    // Three saves of the phone (a double click and a retry) against one demotion.
    race({save_phone, save_phone, save_phone, demote}, round % 2 == 0 ? 0 : 3);
    const auto stored = json::parse(server.get(target, bearer(boss)).body());
    if (stored.at("current_role") != "prao") ++undone;
  }
  EXPECT_EQ(undone, 0) << "rounds in which the member's save wrote the old role back";
}

TEST(LostUpdates, ConcurrentPatchesOfOneEventKeepEveryField) {
  TestServer server;
  add_member(server, "boss@example.com", "master");
  add_member(server, "maja@example.com", "marshal");
  const auto boss = login(server, "boss@example.com");
  const auto maja = login(server, "maja@example.com");
  const auto created =
      fetch(server.port(), http::verb::post, "/api/v1/events/create", json_headers(bearer(boss)),
            json({{"title", "Pub"}, {"event_start", "2030-01-01T18:00:00Z"}}).dump());
  ASSERT_EQ(created.result_int(), 200) << created.body();
  const auto target = "/api/v1/events/" + json::parse(created.body()).at("uuid").get<std::string>();
  int lost = 0;
  for (int round = 0; round < rounds; ++round) {
    const auto n = std::to_string(round);
    const json changes{{"title", "Pub " + n},
                       {"location", "Room " + n},
                       {"description", "Round " + n},
                       {"visibility", round % 2 == 0 ? "public" : "elected"}};
    std::vector<std::function<void()>> writers;
    for (const auto& [field, value] : changes.items()) {
      const auto& token = writers.size() % 2 == 0 ? boss : maja;
      writers.emplace_back([&, field = field, value = value] {
        EXPECT_EQ(patch(server, target, token, {{field, value}}).result_int(), 200);
      });
    }
    race(writers, static_cast<std::size_t>(round) % writers.size());
    const auto stored = json::parse(server.get(target, bearer(boss)).body());
    for (const auto& [field, value] : changes.items()) {
      if (stored.at(field) != value) ++lost;
    }
  }
  EXPECT_EQ(lost, 0) << "fields whose change another PATCH undid";
}

}  // namespace
}  // namespace tmeit::test
