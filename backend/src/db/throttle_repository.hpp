#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "domain/member.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

/// The throttles on logins, sign-ups and reset requests, counted in PostgreSQL (table
/// throttle_hits, migration 0011) so that every replica shares them and a restart resets
/// nothing. Every call is one statement; when the database cannot be reached it throws
/// DbUnavailable, so a throttled endpoint fails closed (503) rather than open.
namespace tmeit::db::throttles {

/// One limit: at most `limit` hits of `key` (an email, a client address) in `scope` within
/// `window`. Keys are stored as SHA-256 digests.
struct Limit {
  std::string_view scope;
  std::string key;
  std::size_t limit;
  std::chrono::seconds window;
};

/// Counts one hit on every limit, or none when any of them is full; returns how many seconds
/// until all of them may act again (0: counted, go ahead).
boost::asio::awaitable<int> take(Pool& pool, std::span<const Limit> limits);

/// What a login attempt learns in its one statement: whether it may go on, and the member.
struct LoginAttempt {
  int wait_seconds = 0;                  ///< > 0: throttled, nothing else happened
  std::optional<domain::Member> member;  ///< the member with that email, if any
};

/// Counts a login attempt against `account` (per account) and `address` (per client address)
/// and looks up the member with `email`, in one statement.
boost::asio::awaitable<LoginAttempt> begin_login(Pool& pool, const std::string& email,
                                                 const Limit& account, const Limit& address);

/// The attempt had the right password: the account's failures are forgotten and the address
/// gets its hit back (a good login is no abuse). One statement.
boost::asio::awaitable<void> login_succeeded(Pool& pool, const Limit& account,
                                             const Limit& address);

/// Deletes the rows whose hits have all left their windows; returns how many.
boost::asio::awaitable<std::int64_t> forget_expired(Pool& pool);

/// A PostgreSQL array literal of any text values, each quoted and escaped.
std::string quoted_array(std::span<const std::string> values);

}  // namespace tmeit::db::throttles
