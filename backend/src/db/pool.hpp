#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "app/logger.hpp"
#include "db/connection.hpp"
#include "db/result.hpp"
#include "db/statement.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tmeit::db {

class Pool;

/// A snapshot of the pool for /metrics.
struct PoolStats {
  std::size_t in_use = 0;   ///< handed out or being opened
  std::size_t idle = 0;     ///< open and waiting in the pool
  std::size_t waiting = 0;  ///< callers queued for a connection
  std::size_t max = 0;      ///< most connections the pool opens
};

/// A connection borrowed from a Pool. Move-only; gives the connection back when destroyed, or
/// drops it when it is broken or was left inside a transaction.
class PooledConnection {
 public:
  PooledConnection() = default;
  /// Used by Pool; `reused` says whether the connection sat idle in the pool before.
  PooledConnection(Pool& pool, std::unique_ptr<Connection> connection, bool reused);
  PooledConnection(PooledConnection&& other) noexcept;
  PooledConnection& operator=(PooledConnection&& other) noexcept;
  PooledConnection(const PooledConnection&) = delete;
  PooledConnection& operator=(const PooledConnection&) = delete;
  ~PooledConnection();

  /// The connection; only valid while this object holds one.
  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }
  /// True while a connection is held.
  explicit operator bool() const { return static_cast<bool>(connection_); }
  /// True when the connection was opened earlier and sat idle (the server may have closed it).
  bool reused() const { return reused_; }
  /// Gives the connection back to the pool now.
  void release();

 private:
  Pool* pool_ = nullptr;
  std::unique_ptr<Connection> connection_;
  bool reused_ = false;
};

/// A bounded pool of async PostgreSQL connections, shared by all I/O threads. Connections are
/// opened on demand and dropped when broken, so the application survives a database restart:
/// while the database is down, calls fail with DbUnavailable within the timeout instead of
/// hanging. Calls must come from coroutines running on a strand (or a single-threaded
/// io_context). The pool must outlive every PooledConnection and every waiting caller.
class Pool {
 public:
  /// `conninfo` is a libpq connection string or URI ("" = PG* variables); `timeout` bounds
  /// waiting for a connection, connecting, and each statement.
  Pool(std::string conninfo, std::size_t max_size, std::chrono::milliseconds timeout,
       app::Logger& logger);
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool();

  /// An idle healthy connection, else a new one while below max_size, else the next one given
  /// back (first come, first served). Throws DbUnavailable ("database busy") after the timeout,
  /// or when connecting fails.
  boost::asio::awaitable<PooledConnection> acquire();

  /// acquire() + Connection::execute(). A reused connection found dead before the statement
  /// was sent is replaced by a fresh one, once, so a database restart costs no request.
  boost::asio::awaitable<Result> execute(const Statement& statement, const Params& params = {});

  /// Current counts; safe from any thread.
  PoolStats stats() const;

  /// The timeout given at construction.
  std::chrono::milliseconds timeout() const { return timeout_; }

 private:
  friend class PooledConnection;
  struct Waiter;
  /// What a caller got from the pool: an idle connection, a place in the queue, or (neither)
  /// a reserved slot to open a new connection in.
  struct Grant {
    std::unique_ptr<Connection> connection;
    std::shared_ptr<Waiter> waiter;
  };

  boost::asio::awaitable<PooledConnection> acquire(bool allow_idle);
  Grant take(bool allow_idle, const boost::asio::any_io_executor& executor,
             Connection::Clock::time_point deadline);
  boost::asio::awaitable<Grant> wait_turn(std::shared_ptr<Waiter> waiter);
  boost::asio::awaitable<PooledConnection> open_connection(Connection::Clock::time_point deadline);
  void give_back(std::unique_ptr<Connection> connection);
  void free_slot();
  static void wake(const std::shared_ptr<Waiter>& waiter);
  void note_reachable(bool reachable, const char* error);

  std::string conninfo_;
  std::size_t max_size_;
  std::chrono::milliseconds timeout_;
  app::Logger& logger_;

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // most recently returned last
  std::size_t open_ = 0;                           // idle + in use + being opened
  std::deque<std::shared_ptr<Waiter>> waiters_;
  bool reachable_ = true;  // last connect attempt succeeded; logs only the transitions
};

}  // namespace tmeit::db
