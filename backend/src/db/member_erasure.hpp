#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/transaction.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

namespace tmeit::db {

/// Who was erased.
struct ErasedMember {
  std::string uuid;
  std::string login_email;  ///< in lower case
};

/// Erases a member and everything held about them, in the caller's transaction (start it with
/// member_audit::begin_as, so the log says who did it): the member row (their password reset
/// tokens go with it), mail queued or sent to any email they had, sign-ups and reset requests
/// under those emails, the throttle counters of those emails, and the old values in the audit
/// entries about them. What stays is that the member existed and was erased, by whom and when,
/// under an id that no longer names anyone. std::nullopt when there is no such member. Throws
/// DbError (members_keep_one_master) when they are the last master.
boost::asio::awaitable<std::optional<ErasedMember>> erase_member(Transaction& transaction,
                                                                 const std::string& short_uuid);

}  // namespace tmeit::db
