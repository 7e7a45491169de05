#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pg_handles.hpp"
#include "db/pool.hpp"
#include "db/statement.hpp"
#include "db/transaction.hpp"
#include "domain/erasure.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// The erasures table: who was deleted, recorded in the deleting transaction, so the erasure
/// ledger beside the backups can be filled from it and a restore never brings them back.
namespace tmeit::db::erasures {

/// Records that `subject_uuid` of `kind` ("member", "sign_up") was erased, in the caller's
/// transaction (the one that deletes the row). Every path that deletes a person calls this.
boost::asio::awaitable<void> record(Transaction& transaction, std::string_view kind,
                                    const std::string& subject_uuid);

/// Runs `delete_returning_uuid` (a DELETE ... RETURNING uuid of one person) and records the
/// erasure of `kind` in the same transaction; false when nothing was deleted.
boost::asio::awaitable<bool> erase(Pool& pool, const Statement& delete_returning_uuid,
                                   const Params& params, std::string_view kind);

/// A recorded erasure not yet in the ledger.
struct PendingErasure {
  std::int64_t id = 0;
  domain::Erasure erasure;
};

/// Up to `limit` erasures whose ledger object has not been written yet, oldest first.
std::vector<PendingErasure> pending(PGconn* conn, int limit);

/// Notes that the ledger object `key` of erasure `id` exists.
void mark_ledgered(PGconn* conn, std::int64_t id, const std::string& key);

/// After a restore: deletes every person the ledger names (again; a member with everything held
/// about them, as db::erase_member does) and records the erasures in the restored database. Returns
/// how many rows were deleted, i.e. how many people the backup would have brought back.
std::int64_t reapply(PGconn* conn, const std::vector<domain::Erasure>& ledger);

}  // namespace tmeit::db::erasures
