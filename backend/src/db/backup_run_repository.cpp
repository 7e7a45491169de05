#include "db/backup_run_repository.hpp"

#include "db/blocking.hpp"
#include "db/statement.hpp"

namespace tmeit::db::backup_runs {
namespace {

constexpr const char* insert_sql = "INSERT INTO backup_runs (kind) VALUES ($1) RETURNING id";

constexpr const char* finish_sql =
    "UPDATE backup_runs SET finished_at = now(), outcome = $2, object_key = NULLIF($3, ''),"
    " size_bytes = NULLIF($4, '')::bigint, sha256 = NULLIF($5, ''), error = NULLIF($6, '') WHERE "
    "id = $1";

constexpr const char* last_success_sql =
    "SELECT extract(epoch FROM max(finished_at))::float8 FROM backup_runs"
    " WHERE kind = $1 AND outcome = 'success'";

// The newest finished run per kind and the newest success per kind, from the (kind,
// finished_at) index; running rows have no finished_at and are left out.
constexpr Statement select_summary{
    "backup_runs_summary",
    "WITH newest AS (SELECT DISTINCT ON (kind) kind, outcome FROM backup_runs"
    "  WHERE finished_at IS NOT NULL ORDER BY kind, finished_at DESC),"
    " success AS (SELECT DISTINCT ON (kind) kind, finished_at, size_bytes FROM backup_runs"
    "  WHERE outcome = 'success' ORDER BY kind, finished_at DESC)"
    " SELECT"
    " (SELECT extract(epoch FROM finished_at)::float8 FROM success WHERE kind = 'backup'),"
    " (SELECT size_bytes FROM success WHERE kind = 'backup'),"
    " (SELECT outcome = 'success' FROM newest WHERE kind = 'backup'),"
    " (SELECT extract(epoch FROM finished_at)::float8 FROM success WHERE kind = 'drill'),"
    " (SELECT outcome = 'success' FROM newest WHERE kind = 'drill')"};

std::optional<double> optional_double(const Result& result, int col) {
  if (result.is_null(0, col)) return std::nullopt;
  return std::stod(std::string(result.text(0, col)));
}

}  // namespace

std::int64_t start(PGconn* conn, std::string_view kind) {
  return std::stoll(scalar_blocking(conn, insert_sql, {std::string(kind)}));
}

void finish(PGconn* conn, std::int64_t id, const RunOutcome& outcome) {
  exec_blocking(conn, finish_sql,
                {std::to_string(id), outcome.success ? "success" : "failed", outcome.object_key,
                 outcome.size_bytes ? std::to_string(*outcome.size_bytes) : std::string(),
                 outcome.sha256, outcome.error.substr(0, 4000)});
}

std::optional<double> last_success(PGconn* conn, std::string_view kind) {
  const std::string value = scalar_blocking(conn, last_success_sql, {std::string(kind)});
  if (value.empty()) return std::nullopt;
  return std::stod(value);
}

boost::asio::awaitable<domain::BackupStatus> status(Pool& pool) {
  const Result result = co_await pool.execute(select_summary);
  domain::BackupStatus status;
  status.backup_last_success = optional_double(result, 0);
  if (!result.is_null(0, 1)) status.backup_last_size = result.integer(0, 1);
  if (!result.is_null(0, 2)) status.backup_last_ok = result.boolean(0, 2);
  status.drill_last_success = optional_double(result, 3);
  if (!result.is_null(0, 4)) status.drill_last_ok = result.boolean(0, 4);
  co_return status;
}

}  // namespace tmeit::db::backup_runs
