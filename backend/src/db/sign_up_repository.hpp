#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/member.hpp"
#include "domain/sign_up.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmeit::db {

/// Pending sign-ups in PostgreSQL (table sign_ups). Emails match case-insensitively.
class SignUpRepository {
 public:
  explicit SignUpRepository(Pool& pool) : pool_(pool) {}

  /// True when a member or a pending sign-up already has this email (any case).
  boost::asio::awaitable<bool> email_taken(const std::string& email);

  /// Inserts a sign-up (uuid and created_at are ignored) and returns it as stored. Throws
  /// DbError with is_unique_violation() when the email is taken by another sign-up.
  boost::asio::awaitable<domain::SignUp> create(Transaction& transaction,
                                                const domain::SignUp& sign_up,
                                                const std::string& client_ip);

  /// Every pending sign-up, oldest first.
  boost::asio::awaitable<std::vector<domain::SignUp>> list();

  /// The sign-up with this uuid (canonical text form), if still pending.
  boost::asio::awaitable<std::optional<domain::SignUp>> find(const std::string& uuid);

  /// Deletes the sign-up and records the erasure (same transaction); false when there was none.
  boost::asio::awaitable<bool> remove(const std::string& uuid);

  /// Turns the sign-up into a prao member with its password (one statement: the sign-up is
  /// deleted and the member inserted) and returns the member; std::nullopt when the sign-up is
  /// gone. Throws DbError with is_unique_violation() when a member took the email meanwhile.
  boost::asio::awaitable<std::optional<domain::Member>> approve(Transaction& transaction,
                                                                const std::string& uuid);

 private:
  Pool& pool_;
};

}  // namespace tmeit::db
