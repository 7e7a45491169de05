// The figures of docs/benchmarks.md for issue 12, measured through the real code:
//  1. what a login attempt costs the database with the shared throttle (db::throttles::
//     begin_login: the limit check, the count and the member lookup in one statement), beside
//     the member lookup alone that a login cost before, one caller and four at once;
//  2. how long PUT /api/v1/reset takes for a member's email and for an unknown one (they must
//     not differ: the answer's timing would tell who is a member).
// Usage: throttle_bench DATABASE_URL HTTP_PORT MEMBER_EMAIL [ATTEMPTS]
// (run by scripts/bench-hardening, which prepares the database and the server).
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "app/logger.hpp"
#include "db/member_repository.hpp"
#include "db/pool.hpp"
#include "db/throttle_repository.hpp"
#include "support/http_client.hpp"

namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using tmeit::db::throttles::Limit;

double micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

/// Prints the median, p99 and largest of `samples` (microseconds) under `name`.
void report(const char* name, std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) {
    return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * samples.size()))];
  };
  std::printf("%-44s n=%-6zu p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n", name, samples.size(),
              at(0.5) / 1000, at(0.99) / 1000, samples.back() / 1000);
}

/// Runs `attempts` calls of `call(i)` split over `callers` coroutines; the time of each call.
std::vector<double> measure(tmeit::db::Pool& pool, asio::io_context& io, int attempts, int callers,
                            const std::function<asio::awaitable<void>(int)>& call) {
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(attempts));
  for (int c = 0; c < callers; ++c) {
    asio::co_spawn(
        io,
        [&, c]() -> asio::awaitable<void> {
          for (int i = c; i < attempts; i += callers) {
            const auto started = Clock::now();
            co_await call(i);
            samples.push_back(micros(Clock::now() - started));
          }
        },
        asio::detached);
  }
  io.run();
  io.restart();
  (void)pool;
  return samples;
}

void bench_statements(const std::string& url, int attempts) {
  tmeit::app::Logger logger(tmeit::app::LogLevel::warn);
  asio::io_context io(1);
  tmeit::db::Pool pool(url, 4, std::chrono::seconds(5), logger);
  tmeit::db::MemberRepository members(pool);
  // Many accounts from a few addresses, limits never reached: every attempt is counted.
  const auto email = [](int i) { return "member" + std::to_string(i % 1000) + "@bench.local"; };
  const auto attempt = [&](int i) -> asio::awaitable<void> {
    const Limit account{"login_account", email(i), 1000000, std::chrono::minutes(15)};
    const Limit address{"login_address", "10.0.0." + std::to_string(i % 50), 1000000,
                        std::chrono::minutes(15)};
    co_await tmeit::db::throttles::begin_login(pool, email(i), account, address);
  };
  const auto lookup = [&](int i) -> asio::awaitable<void> {
    co_await members.find_by_email(email(i));
  };
  // Warm up: connections open, statements prepared.
  measure(pool, io, 200, 4, attempt);
  measure(pool, io, 200, 4, lookup);
  for (const int callers : {1, 4}) {
    const auto suffix = callers == 1 ? " (1 caller)" : " (4 at once)";
    report((std::string("login attempt, throttled") + suffix).c_str(),
           measure(pool, io, attempts, callers, attempt));
    report((std::string("member lookup alone (before)") + suffix).c_str(),
           measure(pool, io, attempts, callers, lookup));
  }
}

void bench_reset(std::uint16_t port, const std::string& member_email, int requests) {
  tmeit::test::Connection connection(port);
  std::vector<double> member;
  std::vector<double> stranger;
  for (int i = 0; i < requests + 50; ++i) {
    const bool known = i % 2 == 0;
    const std::string email = known ? member_email : "nobody" + std::to_string(i) + "@bench.local";
    const auto started = Clock::now();
    const auto response = connection.request(tmeit::test::http::verb::put, "/api/v1/reset",
                                             {{"Content-Type", "application/json"}},
                                             R"({"email": ")" + email + "\"}");
    const auto took = micros(Clock::now() - started);
    if (response.result_int() != 200) {
      std::fprintf(stderr, "reset request answered %d: %s\n", response.result_int(),
                   response.body().c_str());
      std::exit(1);
    }
    if (i < 50) continue;  // warm-up
    (known ? member : stranger).push_back(took);
  }
  report("PUT /api/v1/reset, a member's email", member);
  report("PUT /api/v1/reset, an unknown email", stranger);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: throttle_bench DATABASE_URL HTTP_PORT MEMBER_EMAIL [ATTEMPTS]\n");
    return 2;
  }
  const int attempts = argc > 4 ? std::stoi(argv[4]) : 5000;
  bench_statements(argv[1], attempts);
  bench_reset(static_cast<std::uint16_t>(std::stoi(argv[2])), argv[3], attempts / 5);
  return 0;
}
