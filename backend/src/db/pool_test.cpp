#include "db/pool.hpp"

#include "db/errors.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <string>
#include <vector>

// No database here: these tests only check that the pool never hangs and keeps its counts
// right when the server refuses or never answers. The real database is exercised by
// backend/tests/integration.
namespace tmeit::db {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::string conninfo_for(unsigned short port) {
  return "host=127.0.0.1 port=" + std::to_string(port) +
         " user=test dbname=test sslmode=disable gssencmode=disable";
}

/// Runs `count` pool.execute() calls at once, each on its own strand; returns their errors.
std::vector<std::string> run_queries(asio::io_context& io, Pool& pool, int count) {
  std::vector<std::string> errors(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    asio::co_spawn(
        asio::make_strand(io),
        [&pool, &errors, i]() -> asio::awaitable<void> {
          static constexpr Statement select_one{"pool_test_select", "SELECT 1"};
          try {
            co_await pool.execute(select_one);
            errors[static_cast<std::size_t>(i)] = "succeeded";
          } catch (const DbUnavailable& error) {
            errors[static_cast<std::size_t>(i)] = error.what();
          }
        },
        asio::detached);
  }
  io.run();
  return errors;
}

TEST(Pool, RefusedConnectionFailsFastWithDbUnavailable) {
  asio::io_context io;
  unsigned short port = 0;
  {
    // A port that was just free: nothing listens there.
    asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
    port = probe.local_endpoint().port();
  }
  app::Logger logger(app::LogLevel::error);
  Pool pool(conninfo_for(port), 2, 2000ms, logger);
  const auto start = Clock::now();
  const auto errors = run_queries(io, pool, 1);
  EXPECT_LT(Clock::now() - start, 1500ms);
  EXPECT_NE(errors[0].find("connection failed"), std::string::npos) << errors[0];
  const PoolStats stats = pool.stats();
  EXPECT_EQ(stats.in_use, 0u);
  EXPECT_EQ(stats.idle, 0u);
}

TEST(Pool, SilentServerTimesOutAndQueuedCallersGetAnAnswer) {
  asio::io_context io;
  // Listens (the kernel completes TCP handshakes) but never says a word.
  asio::ip::tcp::acceptor silent(io, {asio::ip::make_address("127.0.0.1"), 0});
  app::Logger logger(app::LogLevel::error);
  Pool pool(conninfo_for(silent.local_endpoint().port()), 1, 300ms, logger);

  PoolStats during;
  asio::steady_timer probe(io, 100ms);
  probe.async_wait([&](const boost::system::error_code&) { during = pool.stats(); });
  const auto start = Clock::now();
  const auto errors = run_queries(io, pool, 3);
  const auto elapsed = Clock::now() - start;

  EXPECT_EQ(during.in_use, 1u);
  EXPECT_EQ(during.waiting, 2u);
  EXPECT_EQ(during.max, 1u);
  for (const auto& error : errors) {
    EXPECT_TRUE(error.find("did not answer") != std::string::npos ||
                error.find("busy") != std::string::npos)
        << error;
  }
  // Every caller gave up within its own timeout (plus slack), none hung.
  EXPECT_LT(elapsed, 1500ms);
  const PoolStats after = pool.stats();
  EXPECT_EQ(after.in_use, 0u);
  EXPECT_EQ(after.waiting, 0u);
}

}  // namespace
}  // namespace tmeit::db
