#include "db/pool.hpp"

#include "db/errors.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>

namespace tmeit::db {
namespace asio = boost::asio;
using Clock = Connection::Clock;

/// A caller queued for a connection. Whoever frees one hands it over under the pool's mutex,
/// then wakes the caller by cancelling its timer on the caller's own executor.
struct Pool::Waiter {
  explicit Waiter(const asio::any_io_executor& executor) : timer(executor) {}
  asio::steady_timer timer;
  std::unique_ptr<Connection> connection;  // a healthy connection given back
  bool slot = false;                       // room freed: open a new connection
};

PooledConnection::PooledConnection(Pool& pool, std::unique_ptr<Connection> connection, bool reused)
    : pool_(&pool), connection_(std::move(connection)), reused_(reused) {}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      connection_(std::move(other.connection_)),
      reused_(other.reused_) {}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    connection_ = std::move(other.connection_);
    reused_ = other.reused_;
  }
  return *this;
}

PooledConnection::~PooledConnection() {
  release();
}

void PooledConnection::release() {
  if (connection_ && pool_ != nullptr) pool_->give_back(std::move(connection_));
  pool_ = nullptr;
}

Pool::Pool(std::string conninfo, std::size_t max_size, std::chrono::milliseconds timeout,
           app::Logger& logger)
    : conninfo_(std::move(conninfo)),
      max_size_(std::max<std::size_t>(max_size, 1)),
      timeout_(timeout),
      logger_(logger) {}

Pool::~Pool() = default;

PoolStats Pool::stats() const {
  const std::lock_guard lock(mutex_);
  return {open_ - idle_.size(), idle_.size(), waiters_.size(), max_size_};
}

asio::awaitable<PooledConnection> Pool::acquire() {
  return acquire(true);
}

asio::awaitable<PooledConnection> Pool::acquire(bool allow_idle) {
  const auto deadline = Clock::now() + timeout_;
  const auto executor = co_await asio::this_coro::executor;
  for (;;) {
    Grant grant = take(allow_idle, executor, deadline);
    if (grant.waiter) grant = co_await wait_turn(std::move(grant.waiter));
    if (!grant.connection) co_return co_await open_connection(deadline);
    if (grant.connection->check_alive()) {
      co_return PooledConnection(*this, std::move(grant.connection), true);
    }
    // Typically the server restarted; the next idle connection gets the same check.
    logger_.info("dropped a database connection the server had closed");
    grant.connection.reset();
    free_slot();
  }
}

Pool::Grant Pool::take(bool allow_idle, const asio::any_io_executor& executor,
                       Clock::time_point deadline) {
  Grant grant;
  std::unique_ptr<Connection> evicted;  // closed after the lock is released
  const std::lock_guard lock(mutex_);
  if (allow_idle && !idle_.empty()) {
    grant.connection = std::move(idle_.back());
    idle_.pop_back();
  } else if (open_ < max_size_) {
    ++open_;
  } else if (!idle_.empty()) {
    // A fresh connection is wanted and the pool is full: an idle one makes room.
    evicted = std::move(idle_.front());
    idle_.erase(idle_.begin());
  } else {
    grant.waiter = std::make_shared<Waiter>(executor);
    grant.waiter->timer.expires_at(deadline);
    waiters_.push_back(grant.waiter);
  }
  return grant;
}

asio::awaitable<Pool::Grant> Pool::wait_turn(std::shared_ptr<Waiter> waiter) {
  boost::system::error_code ec;
  co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  Grant grant;
  bool granted = false;
  {
    const std::lock_guard lock(mutex_);
    if (waiter->connection || waiter->slot) {
      grant.connection = std::move(waiter->connection);
      granted = true;
    } else {
      // Nothing was handed over, so the timer expired: leave the queue.
      std::erase(waiters_, waiter);
    }
  }
  if (!granted) {
    throw DbUnavailable("database busy: no connection free within " +
                        std::to_string(timeout_.count()) + " ms");
  }
  co_return grant;
}

asio::awaitable<PooledConnection> Pool::open_connection(Clock::time_point deadline) {
  const auto remaining =
      std::max(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()),
               std::chrono::milliseconds(1));
  std::unique_ptr<Connection> connection;
  std::exception_ptr failure;
  std::string reason;
  try {
    connection = co_await Connection::open(conninfo_, remaining, timeout_, &logger_);
  } catch (const std::exception& error) {
    failure = std::current_exception();
    reason = error.what();
  }
  if (failure) {
    free_slot();
    note_reachable(false, reason.c_str());
    std::rethrow_exception(failure);
  }
  note_reachable(true, nullptr);
  co_return PooledConnection(*this, std::move(connection), false);
}

void Pool::note_reachable(bool reachable, const char* error) {
  {
    const std::lock_guard lock(mutex_);
    if (reachable_ == reachable) return;
    reachable_ = reachable;
  }
  if (reachable) {
    logger_.info("database reachable again");
  } else {
    logger_.warn("database unreachable", {{"error", error}});
  }
}

void Pool::give_back(std::unique_ptr<Connection> connection) {
  if (!connection->broken() && !connection->idle()) {
    // A transaction left open would keep its locks while the connection sits in the pool.
    logger_.warn("database connection given back inside a transaction; closing it");
    connection->mark_broken();
  }
  if (connection->broken()) {
    connection.reset();
    free_slot();
    return;
  }
  std::shared_ptr<Waiter> woken;
  {
    const std::lock_guard lock(mutex_);
    if (waiters_.empty()) {
      idle_.push_back(std::move(connection));
    } else {
      woken = std::move(waiters_.front());
      waiters_.pop_front();
      woken->connection = std::move(connection);
    }
  }
  if (woken) wake(woken);
}

void Pool::free_slot() {
  std::shared_ptr<Waiter> woken;
  {
    const std::lock_guard lock(mutex_);
    if (waiters_.empty()) {
      --open_;
    } else {
      woken = std::move(waiters_.front());
      waiters_.pop_front();
      woken->slot = true;
    }
  }
  if (woken) wake(woken);
}

asio::awaitable<Result> Pool::execute(const Statement& statement, const Params& params) {
  for (int attempt = 0;; ++attempt) {
    PooledConnection connection = co_await acquire(attempt == 0);
    try {
      co_return co_await connection->execute(statement, params);
    } catch (const DbUnavailable& error) {
      if (attempt > 0 || !connection.reused() || connection->request_sent()) throw;
      logger_.info("database connection died while idle; retrying on a new one",
                   {{"statement", statement.name}, {"error", error.what()}});
    }
  }
}

void Pool::wake(const std::shared_ptr<Waiter>& waiter) {
  // The timer belongs to the waiter's executor (its strand); touch it only from there.
  asio::post(waiter->timer.get_executor(), [waiter] { waiter->timer.cancel(); });
}

}  // namespace tmeit::db
