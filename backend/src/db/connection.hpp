#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "app/logger.hpp"
#include "db/pg_handles.hpp"
#include "db/result.hpp"
#include "db/statement.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/descriptor_base.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <unordered_set>

namespace tmeit::db {

/// One non-blocking libpq connection driven by C++20 coroutines: every wait on the socket is an
/// Asio wait on the calling coroutine's executor with a deadline, so an I/O thread never blocks
/// on the database. Used by one coroutine at a time (the pool hands it out); that coroutine must
/// run on a strand or a single-threaded io_context, because the deadline timer's handler and
/// the coroutine share state through that executor.
class Connection {
 public:
  using Clock = std::chrono::steady_clock;

  /// Wraps an open, non-blocking connection. Prefer Connection::open.
  Connection(PgConnPtr conn, std::chrono::milliseconds timeout, std::string secret);

  /// Connects within `connect_timeout` (DNS, TCP, TLS, authentication); throws DbUnavailable.
  /// Each later statement gets `query_timeout`. Server notices go to `logger` (debug) if given.
  static boost::asio::awaitable<std::unique_ptr<Connection>> open(
      const std::string& conninfo, std::chrono::milliseconds connect_timeout,
      std::chrono::milliseconds query_timeout, const app::Logger* logger);

  /// Runs a prepared statement (prepared on this connection the first time), within the
  /// connection's timeout. Throws DbError for SQL errors (the connection stays usable) and
  /// DbUnavailable when the connection fails or times out (it is then broken).
  boost::asio::awaitable<Result> execute(const Statement& statement, const Params& params = {});

  /// Runs SQL without parameters through the simple protocol (BEGIN, COMMIT, ROLLBACK, SET ...).
  /// Returns the result of the last statement in `sql`.
  boost::asio::awaitable<Result> execute_simple(const char* sql);

  /// True once the connection failed; it must be discarded.
  bool broken() const { return broken_; }
  /// Marks the connection for discarding (e.g. an abandoned transaction).
  void mark_broken() { broken_ = true; }
  /// Whether the last execute() got as far as sending its statement to the server; when it did
  /// not, retrying the statement on another connection cannot run it twice.
  bool request_sent() const { return request_sent_; }
  /// True when no transaction is open or in progress, i.e. safe to hand to the next user.
  bool idle() const;
  /// Without waiting, checks that the server has not closed this idle connection (it does so
  /// when it restarts); marks it broken and returns false if it has.
  bool check_alive();

 private:
  boost::asio::awaitable<void> wait(boost::asio::posix::descriptor_base::wait_type type,
                                    Clock::time_point deadline);
  boost::asio::awaitable<void> flush(Clock::time_point deadline);
  boost::asio::awaitable<PgResultPtr> collect(Clock::time_point deadline, const char* what);
  boost::asio::awaitable<PgResultPtr> run_prepared(const Statement& statement, const Params& params,
                                                   Clock::time_point deadline);
  boost::asio::awaitable<void> prepare(const Statement& statement, Clock::time_point deadline);
  void throw_if_unusable() const;
  [[noreturn]] void fail(const std::string& what);

  PgConnPtr conn_;
  std::chrono::milliseconds timeout_;
  std::string secret_;  // only to scrub it from libpq's messages
  std::unordered_set<std::string> prepared_;
  bool broken_ = false;
  bool request_sent_ = false;
};

}  // namespace tmeit::db
