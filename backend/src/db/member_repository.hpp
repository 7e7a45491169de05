#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
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
  boost::asio::awaitable<domain::Member> create(Transaction& transaction,
                                                const domain::Member& member);

  /// The member, with their row locked until `transaction` ends: the read-modify-write of a
  /// PATCH cannot interleave with another change of the same member.
  boost::asio::awaitable<std::optional<domain::Member>> lock(Transaction& transaction,
                                                             const std::string& short_uuid);

  /// Writes every editable column of `member` (found by uuid; lock it first) and returns it as
  /// stored. A changed role also revokes the member's tokens. Throws DbError for a taken email
  /// (members_login_email_key) or a demotion of the last master (members_keep_one_master).
  boost::asio::awaitable<domain::Member> update(Transaction& transaction,
                                                const domain::Member& member);

  /// Sets a new password hash and revokes every token issued before now.
  boost::asio::awaitable<void> set_password(const std::string& uuid,
                                            const std::string& password_hash);

  /// True when a member already has this email (any case).
  boost::asio::awaitable<bool> email_taken(const std::string& email);

 private:
  Pool& pool_;
};

/// Reads the member in row `row` of a result made by one of this repository's selects, whose
/// member columns start at column `first_column`.
domain::Member member_from_row(const Result& result, int row, int first_column = 0);

/// The member columns in the order member_from_row reads them (made from
/// domain::member_fields(), then the primary photo), for statements elsewhere (sign-up
/// approval) that return a member. They name the table `members`: select from it unaliased.
const std::string& member_columns();

}  // namespace tmeit::db
