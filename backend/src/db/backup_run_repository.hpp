#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pg_handles.hpp"
#include "db/pool.hpp"
#include "domain/backup_metrics.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// The backup_runs table: every `backup run` and `backup drill`, written by those commands
/// (blocking libpq) and read by the app's /metrics at scrape time.
namespace tmeit::db::backup_runs {

/// How a run ended.
struct RunOutcome {
  bool success = false;
  std::string object_key;
  std::optional<std::int64_t> size_bytes;
  std::string sha256;
  std::string error;  ///< one line, no secrets; cut to 4000 characters
};

/// Records the start of a run of `kind` ("backup" or "drill"); returns its id.
std::int64_t start(PGconn* conn, std::string_view kind);

/// Records how run `id` ended.
void finish(PGconn* conn, std::int64_t id, const RunOutcome& outcome);

/// When the newest successful run of a kind finished (seconds since the epoch); nullopt when
/// none did. For the worker's schedule.
std::optional<double> last_success(PGconn* conn, std::string_view kind);

/// The newest outcomes and successes, for /metrics, in one statement. Throws DbUnavailable or
/// DbError (42P01 before the migration that creates the table).
boost::asio::awaitable<domain::BackupStatus> status(Pool& pool);

}  // namespace tmeit::db::backup_runs
