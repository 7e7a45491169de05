#include "db/erasure_repository.hpp"

#include "db/blocking.hpp"
#include "db/member_erasure.hpp"
#include "db/statement.hpp"

namespace tmeit::db::erasures {
namespace {

constexpr Statement insert_erasure{
    "erasures_insert",
    "INSERT INTO erasures (kind, subject_uuid) VALUES ($1, $2::uuid) "
    "ON CONFLICT (kind, subject_uuid) DO NOTHING"};

constexpr const char* select_pending_sql =
    "SELECT id, kind, subject_uuid::text,"
    " to_char(erased_at AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS.MS\"Z\"')"
    " FROM erasures WHERE ledger_key IS NULL ORDER BY id LIMIT $1";

constexpr const char* mark_sql = "UPDATE erasures SET ledger_key = $2 WHERE id = $1";

constexpr const char* delete_member_sql = "DELETE FROM members WHERE uuid = $1::uuid";
constexpr const char* delete_sign_up_sql = "DELETE FROM sign_ups WHERE uuid = $1::uuid";

// The last table the full member erasure (db/member_erasure.hpp) touches that older schemas lack.
constexpr const char* has_full_erasure_sql =
    "SELECT to_regclass('public.password_reset_requests') IS NOT NULL";

constexpr const char* reinsert_sql =
    "INSERT INTO erasures (kind, subject_uuid, erased_at, ledger_key)"
    " VALUES ($1, $2::uuid,"
    " to_timestamp($3, 'YYYYMMDD\"T\"HH24MISS.MS\"Z\"')::timestamp AT TIME ZONE 'UTC', $4)"
    " ON CONFLICT (kind, subject_uuid) DO UPDATE SET ledger_key = EXCLUDED.ledger_key";

}  // namespace

boost::asio::awaitable<void> record(Transaction& transaction, std::string_view kind,
                                    const std::string& subject_uuid) {
  const Params params{std::string(kind), subject_uuid};
  co_await transaction.execute(insert_erasure, params);
}

boost::asio::awaitable<bool> erase(Pool& pool, const Statement& delete_returning_uuid,
                                   const Params& params, std::string_view kind) {
  auto transaction = co_await Transaction::begin(pool);
  auto result = co_await transaction.execute(delete_returning_uuid, params);
  if (result.rows() == 0) {
    co_await transaction.rollback();
    co_return false;
  }
  co_await record(transaction, kind, std::string(result.text(0, 0)));
  co_await transaction.commit();
  co_return true;
}

std::vector<PendingErasure> pending(PGconn* conn, int limit) {
  const PgResultPtr result = exec_blocking(conn, select_pending_sql, {std::to_string(limit)});
  std::vector<PendingErasure> rows;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    PendingErasure entry;
    entry.id = std::stoll(PQgetvalue(result.get(), row, 0));
    entry.erasure = {PQgetvalue(result.get(), row, 1), PQgetvalue(result.get(), row, 2),
                     PQgetvalue(result.get(), row, 3)};
    rows.push_back(std::move(entry));
  }
  return rows;
}

void mark_ledgered(PGconn* conn, std::int64_t id, const std::string& key) {
  exec_blocking(conn, mark_sql, {std::to_string(id), key});
}

std::int64_t reapply(PGconn* conn, const std::vector<domain::Erasure>& ledger) {
  std::int64_t deleted = 0;
  // A backup of this release or later: erase everything held about a member again (mail, audit
  // values, ...), as the live erasure did; an older schema has only the member row.
  const PgResultPtr full = exec_blocking(conn, has_full_erasure_sql);
  const char* member_sql = std::string_view(PQgetvalue(full.get(), 0, 0)) == "t"
                               ? erase_member_by_uuid_statement().sql
                               : delete_member_sql;
  exec_blocking(conn, "BEGIN");
  for (const auto& erasure : ledger) {
    const char* sql = erasure.kind == "member" ? member_sql : delete_sign_up_sql;
    const PgResultPtr result = exec_blocking(conn, sql, {erasure.subject_uuid});
    deleted += std::stoll(PQcmdTuples(result.get()));
    exec_blocking(
        conn, reinsert_sql,
        {erasure.kind, erasure.subject_uuid, erasure.erased_at, domain::ledger_key(erasure)});
  }
  exec_blocking(conn, "COMMIT");
  return deleted;
}

}  // namespace tmeit::db::erasures
