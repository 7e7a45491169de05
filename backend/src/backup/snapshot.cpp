#include "backup/snapshot.hpp"

#include "db/blocking.hpp"
#include "domain/backup_keys.hpp"

#include <stdexcept>

namespace tmeit::backup {
namespace {

constexpr const char* export_sql =
    "SELECT pg_export_snapshot(),"
    " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

// One statement counts every table: query_to_xml runs a count per table inside this query.
constexpr const char* count_sql =
    "SELECT c.relname, (xpath('/row/n/text()', query_to_xml("
    "format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]"
    "::text::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public' ORDER BY 1";

constexpr const char* version_sql =
    "SELECT CASE WHEN to_regclass('public.schema_migrations') IS NULL THEN 0"
    " ELSE (SELECT coalesce(max(version), 0) FROM public.schema_migrations) END";

}  // namespace

Snapshot::Snapshot(PGconn* conn) : conn_(conn) {
  db::exec_blocking(conn_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const db::PgResultPtr result = db::exec_blocking(conn_, export_sql);
  id_ = PQgetvalue(result.get(), 0, 0);
  const auto taken = domain::backup_keys::parse_time(PQgetvalue(result.get(), 0, 1));
  if (!taken) throw std::runtime_error("the database's clock gave an unreadable time");
  taken_ = *taken;
}

std::map<std::string, std::int64_t> Snapshot::row_counts() const {
  return count_rows(conn_);
}

int Snapshot::schema_version() const {
  return read_schema_version(conn_);
}

void Snapshot::close() {
  db::exec_blocking(conn_, "COMMIT");
}

std::map<std::string, std::int64_t> count_rows(PGconn* conn) {
  const db::PgResultPtr result = db::exec_blocking(conn, count_sql);
  std::map<std::string, std::int64_t> counts;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    counts[PQgetvalue(result.get(), row, 0)] = std::stoll(PQgetvalue(result.get(), row, 1));
  }
  return counts;
}

int read_schema_version(PGconn* conn) {
  return std::stoi(db::scalar_blocking(conn, version_sql));
}

}  // namespace tmeit::backup
