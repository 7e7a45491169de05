#pragma once

// <utility> before Asio: Boost 1.74's coroutine support needs it with g++ 12.
#include <utility>

#include "app/config.hpp"
#include "app/logger.hpp"
#include "db/pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>

namespace tmeit::cli {

/// Runs the coroutine `start(pool)` returns to its end on a one-connection pool of its own, for
/// a command that does a few statements and exits (seed, admin, storage). Rethrows what the
/// coroutine threw. One thread is enough; the pool needs an executor to run on.
template <typename Start>
void run_on_one_connection(const app::Config& config, app::Logger& logger, Start start) {
  boost::asio::io_context io(1);
  db::Pool pool(config.database_url, 1, config.db_timeout, logger);
  std::exception_ptr failure;
  boost::asio::co_spawn(io, start(pool),
                        [&failure](std::exception_ptr error) { failure = std::move(error); });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tmeit::cli
