#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "domain/member.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tmeit::db {

/// Members in PostgreSQL. Emails are matched case-insensitively (the unique index is on
/// lower(login_email)).
class MemberRepository {
 public:
  explicit MemberRepository(Pool& pool) : pool_(pool) {}

  boost::asio::awaitable<std::optional<domain::Member>> find_by_email(const std::string& email);
  boost::asio::awaitable<std::optional<domain::Member>> find_by_short_uuid(
      const std::string& short_uuid);
  /// Everyone, masters first, then by role and name.
  boost::asio::awaitable<std::vector<domain::Member>> list();

  /// Inserts a member without a password and returns it as stored. Throws DbError with
  /// is_unique_violation() when the email is taken.
  boost::asio::awaitable<domain::Member> create(const domain::Member& member);

  /// Writes every editable column of `member` (found by uuid) and returns it as stored, or
  /// std::nullopt when it is gone. A changed role also revokes the member's tokens.
  boost::asio::awaitable<std::optional<domain::Member>> update(const domain::Member& member);

  /// Deletes the member and records the erasure (db::erasures::record, same transaction) for
  /// the ledger beside the backups; false when there was none. Their tokens die with the row.
  boost::asio::awaitable<bool> remove(const std::string& short_uuid);

  /// Sets a new password hash and revokes every token issued before now.
  boost::asio::awaitable<void> set_password(const std::string& uuid,
                                            const std::string& password_hash);

  /// True when a member already has this email (any case).
  boost::asio::awaitable<bool> email_taken(const std::string& email);

 private:
  Pool& pool_;
};

/// Reads the member in row `row` of a result made by one of this repository's selects.
domain::Member member_from_row(const Result& result, int row);

/// The member columns in the order member_from_row reads them, for statements elsewhere
/// (sign-up approval) that return a member.
extern const char* const member_columns;

}  // namespace tmeit::db
