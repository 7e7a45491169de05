#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/transaction.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tmeit::db {

/// Who was erased.
struct ErasedMember {
  std::string uuid;
  std::string login_email;                 ///< in lower case
  std::vector<std::string> sign_up_uuids;  ///< their sign-ups, deleted with them
};

/// Erases a member and everything held about them, in the caller's transaction (start it with
/// member_audit::begin_as, so the log says who did it): the member row (their password reset
/// tokens go with it), mail queued or sent to any email they had, sign-ups and reset requests
/// under those emails, the throttle counters of those emails, and the old values in the audit
/// entries about them. What stays is that the member existed and was erased, by whom and when,
/// under an id that no longer names anyone. The member and their sign-ups are recorded for the
/// erasure ledger (db::erasures::record) in the same transaction. std::nullopt when there is no
/// such member. Throws DbError (members_keep_one_master) when they are the last master.
boost::asio::awaitable<std::optional<ErasedMember>> erase_member(Transaction& transaction,
                                                                 const std::string& short_uuid);

/// The same erasure as one statement whose only parameter ($1) is the member's uuid, for a
/// restore to apply again to a database from before the erasure. It returns the member's uuid,
/// email and sign-up uuids (text uuid[]), and no row when there is no such member.
const Statement& erase_member_by_uuid_statement();

}  // namespace tmeit::db
