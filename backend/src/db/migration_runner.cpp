#include "db/migration_runner.hpp"

#include "db/blocking.hpp"
#include "db/conninfo.hpp"
#include "db/errors.hpp"
#include "db/schema.hpp"

#include <algorithm>
#include <iomanip>
#include <map>
#include <thread>

namespace tmeit::db {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* create_table_sql =
    "CREATE TABLE schema_migrations ("
    " version integer PRIMARY KEY,"
    " name text NOT NULL,"
    " checksum text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now(),"
    " duration_ms integer NOT NULL)";
constexpr const char* table_exists_sql = "SELECT to_regclass('schema_migrations') IS NOT NULL";
constexpr const char* select_applied_sql =
    "SELECT version, name, checksum,"
    " to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), duration_ms"
    " FROM schema_migrations ORDER BY version";
constexpr const char* insert_applied_sql =
    "INSERT INTO schema_migrations (version, name, checksum, duration_ms) VALUES ($1, $2, $3, $4)";

void print_notice(void* out, const char* message) {
  *static_cast<std::ostream*>(out) << "\n  notice: " << clean_message(message) << "\n";
}

bool table_exists(PGconn* conn) {
  return std::string_view(PQgetvalue(exec_blocking(conn, table_exists_sql).get(), 0, 0)) == "t";
}

std::vector<AppliedMigration> read_applied(PGconn* conn) {
  std::vector<AppliedMigration> applied;
  if (!table_exists(conn)) return applied;
  const PgResultPtr result = exec_blocking(conn, select_applied_sql);
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    AppliedMigration migration;
    migration.version = std::stoi(PQgetvalue(result.get(), row, 0));
    migration.name = PQgetvalue(result.get(), row, 1);
    migration.checksum = PQgetvalue(result.get(), row, 2);
    migration.applied_at = PQgetvalue(result.get(), row, 3);
    migration.duration_ms = std::stoll(PQgetvalue(result.get(), row, 4));
    applied.push_back(std::move(migration));
  }
  return applied;
}

int read_version(PGconn* conn) {
  if (!table_exists(conn)) return 0;
  return std::stoi(PQgetvalue(exec_blocking(conn, select_schema_version.sql).get(), 0, 0));
}

/// Names the file, line and cause of a failed migration; `statement` is the part of the file
/// that was sent (all of it, or one statement of a no-transaction file).
std::string describe_failure(const Migration& migration, std::string_view statement,
                             const PGresult* result) {
  std::string message = result_field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = PQresultErrorMessage(result);
  std::string text = migration.name + ".sql failed";
  const std::string position = result_field(result, PG_DIAG_STATEMENT_POSITION);
  if (!position.empty()) {
    const auto offset = static_cast<std::size_t>(statement.data() - migration.sql.data());
    const auto lines_before = std::count(
        migration.sql.begin(), migration.sql.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    const auto line = lines_before + line_of_position(statement, std::stoi(position));
    text += " at line " + std::to_string(line);
  }
  text += ": " + clean_message(message);
  const std::string sqlstate = result_field(result, PG_DIAG_SQLSTATE);
  if (!sqlstate.empty()) text += " (SQLSTATE " + sqlstate + ")";
  const std::string detail = result_field(result, PG_DIAG_MESSAGE_DETAIL);
  if (!detail.empty()) text += "; " + clean_message(detail);
  const std::string hint = result_field(result, PG_DIAG_MESSAGE_HINT);
  if (!hint.empty()) text += "; hint: " + clean_message(hint);
  if (sqlstate == "55P03") text += "; another session held a lock too long (lock_timeout)";
  return text;
}

}  // namespace

MigrationRunner::MigrationRunner(std::string conninfo, std::ostream& out)
    : conninfo_(std::move(conninfo)), out_(out) {
  secret_ = parse_conninfo(conninfo_).password;
}

PgConnPtr MigrationRunner::connect(int connect_timeout_seconds) const {
  PgConnPtr conn = connect_blocking(conninfo_, "tmeit-migrate", connect_timeout_seconds);
  PQsetNoticeProcessor(conn.get(), &print_notice, &out_);
  return conn;
}

PgConnPtr MigrationRunner::connect_within(std::chrono::milliseconds wait) const {
  const auto deadline = Clock::now() + wait;
  std::string last_report;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline - Clock::now());
    try {
      return connect(static_cast<int>(std::clamp<long long>(left.count(), 2, 10)));
    } catch (const DbUnavailable& error) {
      if (Clock::now() >= deadline) throw;
      // Only changes are printed, so a long wait does not flood the log.
      if (error.what() != last_report) out_ << error.what() << "; retrying" << std::endl;
      last_report = error.what();
    }
    std::this_thread::sleep_for(
        std::min<Clock::duration>(std::chrono::seconds(1), deadline - Clock::now()));
  }
}

int MigrationRunner::up(const std::vector<Migration>& migrations,
                        std::chrono::milliseconds connect_wait) {
  const PgConnPtr conn = connect_within(connect_wait);
  const std::vector<std::string> key{std::to_string(migration_lock_key)};
  const auto locked =
      exec_blocking(conn.get(), "SELECT pg_try_advisory_lock($1::bigint)", key, secret_);
  if (std::string_view(PQgetvalue(locked.get(), 0, 0)) != "t") {
    out_ << "waiting for another migration runner to finish ..." << std::endl;
    exec_blocking(conn.get(), "SELECT pg_advisory_lock($1::bigint)", key, secret_);
  }
  // Under the lock, so two runners never race to create the table.
  if (!table_exists(conn.get())) exec_blocking(conn.get(), create_table_sql);
  const std::vector<AppliedMigration> applied = read_applied(conn.get());
  const MigrationPlan plan = plan_migrations(migrations, applied);
  if (plan.pending.empty()) {
    out_ << "database is up to date at schema version " << plan.database_version;
    if (plan.database_newer) {
      out_ << " (newer than this build's " << migrations.back().version << "; nothing to do)";
    }
    out_ << std::endl;
  }
  for (const Migration* migration : plan.pending) apply(conn.get(), *migration);
  if (!plan.pending.empty()) {
    out_ << "database is now at schema version " << plan.pending.back()->version << std::endl;
  }
  exec_blocking(conn.get(), "SELECT pg_advisory_unlock($1::bigint)", key, secret_);
  return static_cast<int>(plan.pending.size());
}

void MigrationRunner::execute_file(PGconn* conn, const Migration& migration) {
  // A multi-statement string is one implicit transaction, which CREATE INDEX CONCURRENTLY
  // refuses; outside a transaction each statement goes on its own.
  std::vector<std::string_view> statements{migration.sql};
  if (!migration.transactional) statements = split_statements(migration.sql);
  for (const std::string_view statement : statements) {
    const std::string text(statement);
    PgResultPtr result(PQexec(conn, text.c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      continue;
    }
    out_ << "failed" << std::endl;
    if (!result || PQstatus(conn) != CONNECTION_OK) {
      throw DbUnavailable("database connection lost while applying " + migration.name + ": " +
                          clean_message(PQerrorMessage(conn), secret_));
    }
    if (migration.transactional) {
      // Closing the connection would roll back too; this just ends the transaction sooner, so
      // its result does not matter.
      const PgResultPtr rollback(PQexec(conn, "ROLLBACK"));
    }
    throw MigrationError(describe_failure(migration, statement, result.get()));
  }
}

void MigrationRunner::apply(PGconn* conn, const Migration& migration) {
  out_ << "applying " << migration.name << " ... " << std::flush;
  const auto start = Clock::now();
  if (migration.transactional) exec_blocking(conn, "BEGIN");
  execute_file(conn, migration);
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  exec_blocking(conn, insert_applied_sql,
                {std::to_string(migration.version), migration.name, migration.checksum,
                 std::to_string(elapsed)},
                secret_);
  if (migration.transactional) {
    const PgResultPtr commit = exec_blocking(conn, "COMMIT");
    if (std::string_view(PQcmdStatus(commit.get())) != "COMMIT") {
      throw MigrationError(migration.name + ".sql: COMMIT did not commit (the transaction failed)");
    }
  }
  // Each file starts from the session defaults, whatever SET the previous one ran.
  exec_blocking(conn, "RESET ALL");
  out_ << "done in " << elapsed << " ms" << std::endl;
}

MigrationStatus MigrationRunner::status(const std::vector<Migration>& migrations) {
  const PgConnPtr conn = connect(10);
  const std::vector<AppliedMigration> applied = read_applied(conn.get());
  std::map<int, const AppliedMigration*> by_version;
  MigrationStatus result;
  for (const auto& row : applied) {
    by_version.emplace(row.version, &row);
    result.database_version = std::max(result.database_version, row.version);
  }
  const auto line = [this](const std::string& name, const std::string& state,
                           const std::string& note) {
    out_ << std::left << std::setw(40) << name << ' ' << std::setw(8) << state << ' ' << note
         << '\n';
  };
  for (const auto& migration : migrations) {
    const auto found = by_version.find(migration.version);
    if (found == by_version.end()) {
      ++result.pending;
      line(migration.name, "pending", "");
      continue;
    }
    const AppliedMigration& row = *found->second;
    std::string note = row.applied_at + " (" + std::to_string(row.duration_ms) + " ms)";
    if (row.checksum != migration.checksum) {
      ++result.changed;
      note += "  CHANGED since it was applied";
    }
    line(migration.name, "applied", note);
    by_version.erase(found);
  }
  for (const auto& [version, row] : by_version) {
    line(row->name, "applied", row->applied_at + " (not in this build: database is newer)");
  }
  out_ << "schema version " << result.database_version << ", " << result.pending << " pending"
       << std::endl;
  return result;
}

bool MigrationRunner::wait_for_version(int version, std::chrono::milliseconds timeout,
                                       std::chrono::milliseconds interval) {
  const auto deadline = Clock::now() + timeout;
  PgConnPtr conn;
  std::string last_report;
  for (;;) {
    std::string report;
    try {
      if (!conn) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline - Clock::now());
        conn = connect(static_cast<int>(std::clamp<long long>(left.count(), 2, 10)));
      }
      const int current = read_version(conn.get());
      if (current >= version) {
        out_ << "schema version " << current << " is ready (this build needs " << version << ")"
             << std::endl;
        return true;
      }
      report = "database at schema version " + std::to_string(current) + ", waiting for " +
               std::to_string(version);
    } catch (const DbUnavailable& error) {
      conn.reset();
      report = error.what();
    } catch (const DbError& error) {
      conn.reset();
      report = error.what();
    }
    // Only changes are printed, so a long wait does not flood the log.
    if (report != last_report) out_ << report << std::endl;
    last_report = report;
    const auto now = Clock::now();
    if (now >= deadline) return false;
    std::this_thread::sleep_for(std::min<Clock::duration>(interval, deadline - now));
  }
}

}  // namespace tmeit::db
