#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::db {

/// The migrations folder or the database's migration history is not as expected; the runner
/// refuses to continue. The message names the file.
class MigrationError : public std::runtime_error {
 public:
  explicit MigrationError(const std::string& message) : std::runtime_error(message) {}
};

/// One numbered SQL file, `NNNN_description.sql`.
struct Migration {
  int version = 0;
  std::string name;      ///< file name without ".sql", e.g. "0003_create_sign_ups"
  std::string sql;       ///< the file's bytes
  std::string checksum;  ///< SHA-256 of the file's bytes, lower-case hex
  /// False when the first line is `-- tmeit:no-transaction` (CREATE INDEX CONCURRENTLY and the
  /// like); such a file should hold one statement.
  bool transactional = true;
};

/// One row of schema_migrations.
struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
  std::string applied_at;  ///< RFC 3339, UTC
  std::int64_t duration_ms = 0;
};

/// What `migrate up` has to do, worked out before touching the database.
struct MigrationPlan {
  std::vector<const Migration*> pending;  ///< in version order
  int database_version = 0;               ///< newest applied version
  /// The database has versions this build does not know: it was migrated by a newer release.
  /// Fine (expand/contract keeps this release working); there is nothing to apply.
  bool database_newer = false;
};

/// The first line that turns transactions off for a migration file.
inline constexpr std::string_view no_transaction_marker = "-- tmeit:no-transaction";

/// The version in a migration file name ("0003_create_sign_ups.sql" → 3); std::nullopt when
/// the name is not `NNNN_description.sql` with 4 digits and a lower-case description.
std::optional<int> migration_version(std::string_view file_name);

/// Builds the migration list from (file name, contents) pairs and checks it: every name valid,
/// numbers 1, 2, 3, ... with no duplicates or gaps, no empty file. Throws MigrationError.
std::vector<Migration> make_migrations(
    const std::vector<std::pair<std::string, std::string>>& files);

/// Reads every *.sql file in `dir` (other files are ignored) and checks them as above.
std::vector<Migration> load_migrations(const std::filesystem::path& dir);

/// Compares the files with what the database has applied. Throws MigrationError when an
/// applied file changed (checksum), an applied version below this build's newest is missing
/// from the folder, or a pending file is older than an applied one.
MigrationPlan plan_migrations(const std::vector<Migration>& migrations,
                              const std::vector<AppliedMigration>& applied);

/// Splits a script into statements at top-level semicolons (not inside quotes, dollar quotes or
/// comments); blank statements are dropped. For files run outside a transaction, where
/// PostgreSQL would treat a multi-statement string as one implicit transaction. The views
/// point into `sql`.
std::vector<std::string_view> split_statements(std::string_view sql);

/// The 1-based line of a 1-based character position (PostgreSQL's error position) in `sql`.
int line_of_position(std::string_view sql, int position);

}  // namespace tmeit::db
