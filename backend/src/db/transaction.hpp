#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/result.hpp"
#include "db/statement.hpp"

#include <boost/asio/awaitable.hpp>

#include <functional>

namespace tmeit::db {

/// An RAII database transaction for multi-step writes:
///
///     auto tx = co_await Transaction::begin(pool);
///     co_await tx.execute(insert_member, {...});
///     co_await tx.execute(delete_sign_up, {...});
///     co_await tx.commit();
///
/// A statement error rolls the transaction back at once (its locks go) and is rethrown. A
/// transaction destroyed before commit() or rollback() (an exception between statements) drops
/// its connection, so the server rolls back and no half transaction reaches the next user.
class Transaction {
 public:
  /// Borrows a connection from `pool` and runs BEGIN on it.
  static boost::asio::awaitable<Transaction> begin(Pool& pool);
  /// Runs BEGIN on a connection the caller already holds.
  static boost::asio::awaitable<Transaction> begin(PooledConnection connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  /// Runs one statement inside the transaction; on DbError the transaction is rolled back.
  boost::asio::awaitable<Result> execute(const Statement& statement, const Params& params = {});
  /// Commits. Throws DbError if the server rolled back instead.
  boost::asio::awaitable<void> commit();
  /// Rolls back explicitly.
  boost::asio::awaitable<void> rollback();
  /// Runs `checks`, which throw to refuse what the transaction was for (a 404, a stale ETag, an
  /// invalid value); when they throw, rolls back first, so the connection goes back to the pool
  /// rather than being dropped, and rethrows.
  boost::asio::awaitable<void> check(const std::function<void()>& checks);
  /// True until commit(), rollback() or a failed statement ends the transaction.
  bool active() const { return active_; }

 private:
  explicit Transaction(PooledConnection connection);
  void throw_if_inactive() const;

  PooledConnection connection_;
  bool active_ = false;
};

}  // namespace tmeit::db
