#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/member.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

/// Password reset requests waiting for the worker (table password_reset_requests, migration
/// 0010). The API queues every request the same way, member or not; the worker does the rest.
namespace tmeit::db::password_reset_requests {

/// Queues a request for `email` (one INSERT, whatever the email).
boost::asio::awaitable<void> enqueue(Pool& pool, const std::string& email);

/// A request taken off the queue: its email and the member who has it, if anyone does.
struct TakenRequest {
  std::string email;
  std::optional<domain::Member> member;
};

/// Takes the oldest request no other worker holds, deleting it in `transaction` (so it comes
/// back if the transaction does not commit), with the member of its email; std::nullopt when
/// none is waiting.
boost::asio::awaitable<std::optional<TakenRequest>> take_next(Transaction& transaction);

}  // namespace tmeit::db::password_reset_requests
