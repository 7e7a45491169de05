#include "db/transaction.hpp"

#include "db/errors.hpp"

#include <exception>
#include <stdexcept>

namespace tmeit::db {
namespace asio = boost::asio;

Transaction::Transaction(PooledConnection connection) : connection_(std::move(connection)) {}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::move(other.connection_)), active_(std::exchange(other.active_, false)) {}

Transaction::~Transaction() {
  // Rolling back needs a round trip a destructor cannot wait for; closing the connection makes
  // the server roll back and release the locks right away.
  if (active_ && connection_) connection_->mark_broken();
}

asio::awaitable<Transaction> Transaction::begin(Pool& pool) {
  // BEGIN changes nothing, so a connection that died while idle is simply replaced once.
  for (int attempt = 0;; ++attempt) {
    PooledConnection connection = co_await pool.acquire();
    const bool may_retry = attempt == 0 && connection.reused();
    try {
      co_return co_await begin(std::move(connection));
    } catch (const DbUnavailable&) {
      if (!may_retry) throw;
    }
  }
}

asio::awaitable<Transaction> Transaction::begin(PooledConnection connection) {
  if (!connection) throw std::logic_error("Transaction::begin without a connection");
  Transaction transaction(std::move(connection));
  co_await transaction.connection_->execute_simple("BEGIN");
  transaction.active_ = true;
  co_return transaction;
}

void Transaction::throw_if_inactive() const {
  if (!active_) throw std::logic_error("transaction is no longer active");
}

asio::awaitable<Result> Transaction::execute(const Statement& statement, const Params& params) {
  throw_if_inactive();
  std::exception_ptr failure;
  try {
    co_return co_await connection_->execute(statement, params);
  } catch (const DbError&) {
    failure = std::current_exception();
  }
  // The server has aborted the transaction; end it now so its locks go and the connection
  // stays reusable. If that fails the connection is broken and the pool drops it.
  active_ = false;
  if (connection_->idle() || connection_->broken()) std::rethrow_exception(failure);
  try {
    co_await connection_->execute_simple("ROLLBACK");
  } catch (const DbUnavailable&) {
    connection_->mark_broken();
  }
  std::rethrow_exception(failure);
}

asio::awaitable<void> Transaction::commit() {
  throw_if_inactive();
  // Whatever COMMIT answers, the transaction is over (a failed COMMIT rolls back).
  active_ = false;
  const Result result = co_await connection_->execute_simple("COMMIT");
  if (result.command_status() == "ROLLBACK") {
    throw DbError("commit: the transaction had failed and was rolled back", "25P02");
  }
}

asio::awaitable<void> Transaction::check(const std::function<void()>& checks) {
  std::exception_ptr refusal;
  try {
    checks();
    co_return;
  } catch (...) {
    refusal = std::current_exception();  // rethrown below, after the rollback
  }
  if (active_) co_await rollback();
  std::rethrow_exception(refusal);
}

asio::awaitable<void> Transaction::rollback() {
  throw_if_inactive();
  active_ = false;
  co_await connection_->execute_simple("ROLLBACK");
}

}  // namespace tmeit::db
