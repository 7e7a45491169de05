// Mixed traffic for a while (TMEIT_SOAK_SECONDS, default 20; scripts/soak runs 600): reads and
// writes of every kind, by the public, members, marshals and masters. Not one 5xx or failed
// request, and the resident memory stays flat once warm (no leak). Prints the rate and the
// latency percentiles it reached; docs/benchmarks.md records the long run's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "app/process_stats.hpp"
#include "support/club.hpp"
#include "support/load.hpp"
#include "support/static_site.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

std::size_t env_number(const char* name, std::size_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr ? std::stoul(text) : fallback;
}

struct Club {
  std::string master;
  std::string marshal;
  std::string member;
  std::string member_short_uuid;
  std::vector<std::string> events;
};

Club make_club(TestServer& server) {
  Club club;
  add_member(server, "master@example.com", "master");
  add_member(server, "marshal@example.com", "marshal");
  club.member_short_uuid = add_member(server, "member@example.com", "vraq").short_uuid;
  for (int i = 0; i < 60; ++i) add_member(server, "m" + std::to_string(i) + "@example.com", "prao");
  club.master = login(server, "master@example.com");
  club.marshal = login(server, "marshal@example.com");
  club.member = login(server, "member@example.com");
  for (int i = 0; i < 50; ++i) {
    const nlohmann::json body{{"title", "Pub " + std::to_string(i)},
                              {"description", "Öl, mat och musik"},
                              {"event_start", "2030-01-01T18:00:00Z"},
                              {"visibility", i % 3 == 0 ? "internal" : "public"}};
    const auto response = fetch(server.port(), http::verb::post, "/api/v1/events/create",
                                json_headers(bearer(club.marshal)), body.dump());
    club.events.push_back(nlohmann::json::parse(response.body()).at("uuid").get<std::string>());
  }
  return club;
}

/// The request mix: 70 % reads of lists and single resources, 15 % probes and pages, 15 %
/// writes (creates, deletes, edits), so the tables stay the same size.
class Mix {
 public:
  Mix(const Club& club, std::uint16_t port, std::size_t workers)
      : club_(club), port_(port), created_(workers) {}

  LoadRequest next(std::size_t worker, std::uint64_t n) {
    const auto as = [](const std::string& token) { return bearer(token); };
    const auto& event = club_.events[(n * 7 + worker) % club_.events.size()];
    switch (n % 20) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5:
        return get("/api/v1/events/");
      case 6:
      case 7:
      case 8:
        return get("/api/v1/events/", as(club_.member));
      case 9:
      case 10:
        return get("/api/v1/members/", as(club_.member));
      case 11:
        return get("/api/v1/members/");
      case 12:
      case 13:
        return get("/api/v1/events/" + event, as(club_.member));
      case 14:
        return get("/health");
      case 15:
        return get("/api/v1/me", as(club_.member));
      case 16:
        return get("/");
      case 17:
        return write(http::verb::post, "/api/v1/events/create", club_.marshal,
                     {{"title", "Soak " + std::to_string(n)},
                      {"event_start", "2031-02-03T19:00:00+01:00"},
                      {"visibility", "public"}});
      case 18:
        if (!created_[worker].empty()) {
          const auto uuid = created_[worker].front();
          created_[worker].pop_front();
          Request request{http::verb::delete_, "/api/v1/events/" + uuid, 11};
          request.set(http::field::host, "127.0.0.1");
          request.set(http::field::authorization, "Bearer " + club_.master);
          return {port_, std::move(request)};
        }
        [[fallthrough]];
      default:
        return write(http::verb::patch, "/api/v1/members/" + club_.member_short_uuid, club_.member,
                     {{"phone", "+46 70 " + std::to_string(100000 + n % 900000)}});
    }
  }

  /// Remembers the events this worker created, for its deletes.
  void observe(std::size_t worker, const LoadRequest& sent, const Response& response) {
    if (response.result_int() == 200 && sent.request.method() == http::verb::post) {
      created_[worker].push_back(
          nlohmann::json::parse(response.body()).at("uuid").get<std::string>());
    }
  }

 private:
  LoadRequest get(const std::string& target, const Headers& headers = {}) const {
    return {port_, get_request(target, headers)};
  }
  LoadRequest write(http::verb method, const std::string& target, const std::string& token,
                    const nlohmann::json& body) const {
    return {port_, json_request(method, target, bearer(token), body.dump())};
  }

  const Club& club_;
  std::uint16_t port_;
  std::vector<std::deque<std::string>> created_;  // per worker, so no locking
};

double mean_mb(const std::vector<std::uint64_t>& samples, std::size_t from, std::size_t to) {
  const auto sum = std::accumulate(samples.begin() + static_cast<std::ptrdiff_t>(from),
                                   samples.begin() + static_cast<std::ptrdiff_t>(to), 0.0);
  return sum / static_cast<double>(to - from) / (1024.0 * 1024.0);
}

TEST(FaultSoak, MixedTrafficWithout5xxAndWithFlatMemory) {
  const auto seconds = env_number("TMEIT_SOAK_SECONDS", 20);
  const auto workers = env_number("TMEIT_SOAK_WORKERS", 16);
  StaticSite site;
  TestServer server({.static_dir = site.root().string()});
  server.process().drop_access_lines();
  const Club club = make_club(server);
  Mix mix(club, server.port(), workers);

  std::vector<std::uint64_t> rss;  // one sample a second
  LoadGenerator load(
      workers, [&](std::size_t worker, std::uint64_t n) { return mix.next(worker, n); },
      [&](std::size_t worker, const LoadRequest& sent, const Response& response) {
        mix.observe(worker, sent, response);
      });
  for (std::size_t s = 0; s < seconds; ++s) {
    std::this_thread::sleep_for(1s);
    rss.push_back(app::read_process_stats(server.process().pid()).resident_bytes);
    if (s % 60 == 59) std::cout << "[ soak   ] " << s + 1 << " s: " << load.answered() << "\n";
  }
  const auto report = load.stop();
  // Warm after the first fifth; flat means the last fifth is no higher than the second.
  const std::size_t fifth = std::max<std::size_t>(1, rss.size() / 5);
  const double warm = mean_mb(rss, fifth, 2 * fifth);
  const double last = mean_mb(rss, rss.size() - fifth, rss.size());
  std::cout << "[ soak   ] " << workers << " clients, " << report.summary() << "\n"
            << "[ soak   ] 5xx " << report.count(500, 600) << ", RSS warm " << warm << " MB, last "
            << last << " MB, peak "
            << static_cast<double>(*std::max_element(rss.begin(), rss.end())) / 1048576.0
            << " MB\n";
  EXPECT_EQ(report.count(500, 600), 0u) << report.summary();
  EXPECT_EQ(report.transport_errors, 0u) << report.summary();
  EXPECT_EQ(report.count(200, 300), report.requests) << report.summary();
  EXPECT_LE(last, warm * 1.10 + 8.0) << "resident memory grew: a leak?";
}

}  // namespace
}  // namespace tmeit::test
