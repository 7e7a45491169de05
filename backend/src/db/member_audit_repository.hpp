#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/audit_entry.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

/// The member audit log (table member_audit_log, written by a trigger on members; migration
/// 0009). Code that changes members on a member's behalf starts its transaction with begin_as,
/// so the trigger knows who did it.
namespace tmeit::db::member_audit {

/// BEGIN, and name `actor_uuid` as the member whose changes to members this transaction makes.
boost::asio::awaitable<Transaction> begin_as(Pool& pool, const std::string& actor_uuid);

/// Entries newest first, a page of them.
boost::asio::awaitable<std::vector<domain::AuditEntry>> list(Pool& pool, int limit, int offset);

}  // namespace tmeit::db::member_audit
