#pragma once

#include "db/migrations.hpp"
#include "db/pg_handles.hpp"

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace tmeit::db {

/// The advisory lock key every `migrate up` takes, so concurrent runners apply files one at a
/// time ("tmeit_mg" in ASCII).
inline constexpr long long migration_lock_key = 8389473184459484519LL;

/// What `migrate status` found.
struct MigrationStatus {
  int pending = 0;  ///< files not applied yet
  int changed = 0;  ///< applied files whose checksum no longer matches
  int database_version = 0;
};

/// Runs migrations with plain blocking libpq: it serves the `migrate` sub-command (a Job or an
/// init container), never the HTTP server. Progress and tables go to `out` as text.
class MigrationRunner {
 public:
  /// `conninfo` is a libpq connection string or URI ("" = PG* variables).
  MigrationRunner(std::string conninfo, std::ostream& out);

  /// Applies every pending migration in order, each in its own transaction together with its
  /// schema_migrations row, while holding the advisory lock (a second runner waits, then finds
  /// nothing to do). The first connection is retried for up to `connect_wait` (the database may
  /// still be starting, e.g. on a first deploy). Returns how many were applied. Throws
  /// MigrationError when the files and the database disagree, DbUnavailable when the database
  /// cannot be reached in time.
  int up(const std::vector<Migration>& migrations,
         std::chrono::milliseconds connect_wait = std::chrono::seconds(0));

  /// Prints every migration as applied (with time) or pending.
  MigrationStatus status(const std::vector<Migration>& migrations);

  /// Polls every `interval` (reconnecting as needed, tolerant of a database not up yet) until
  /// the schema version is at least `version`. Returns false on timeout.
  bool wait_for_version(int version, std::chrono::milliseconds timeout,
                        std::chrono::milliseconds interval = std::chrono::milliseconds(500));

 private:
  PgConnPtr connect(int connect_timeout_seconds) const;
  /// Connects, retrying every second (printing each new failure) until `wait` has passed.
  PgConnPtr connect_within(std::chrono::milliseconds wait) const;
  void apply(PGconn* conn, const Migration& migration);
  void execute_file(PGconn* conn, const Migration& migration);

  std::string conninfo_;
  std::string secret_;  // only to scrub it from libpq's messages
  std::ostream& out_;
};

}  // namespace tmeit::db
