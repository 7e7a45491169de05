#pragma once

#include "db/pg_handles.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace tmeit::backup {

/// A REPEATABLE READ transaction whose snapshot is exported for pg_dump (--snapshot), so the
/// row counts and schema version read here describe exactly what the dump holds.
class Snapshot {
 public:
  /// Opens the transaction on `conn` (a connection of its own) and exports its snapshot.
  explicit Snapshot(PGconn* conn);

  const std::string& id() const { return id_; }
  /// The database's clock at the snapshot, to the second: the backup's time.
  std::chrono::sys_seconds taken() const { return taken_; }

  /// Rows of every table of the public schema, as the snapshot sees them.
  std::map<std::string, std::int64_t> row_counts() const;
  /// The newest applied migration (0 before any).
  int schema_version() const;
  /// Ends the transaction (the snapshot must live until pg_dump has finished).
  void close();

 private:
  PGconn* conn_;
  std::string id_;
  std::chrono::sys_seconds taken_;
};

/// Rows of every table of the public schema of the database on `conn`, now.
std::map<std::string, std::int64_t> count_rows(PGconn* conn);

/// The newest applied migration of the database on `conn` (0 before any).
int read_schema_version(PGconn* conn);

}  // namespace tmeit::backup
