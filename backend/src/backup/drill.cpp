#include "backup/drill.hpp"

#include "backup/restore.hpp"
#include "db/backup_run_repository.hpp"
#include "db/blocking.hpp"

namespace tmeit::backup {

int run_drill(const app::Config& config, storage::ObjectStore& store, const app::Logger& logger) {
  if (config.backup_drill_database_url.empty()) {
    throw app::ConfigError({"TMEIT_BACKUP_DRILL_DATABASE_URL: required by backup drill"});
  }
  const db::PgConnPtr conn = db::connect_blocking(config.database_url, "tmeit-drill", 10);
  const std::int64_t run_id = db::backup_runs::start(conn.get(), "drill");
  db::backup_runs::RunOutcome outcome;
  try {
    const RestoreReport report =
        restore(config, store, {"latest", config.backup_drill_database_url, true}, logger);
    outcome.success = true;
    outcome.object_key = report.key;
    logger.info("drill passed", {{"key", report.key},
                                 {"taken_at", report.taken_at},
                                 {"rows", report.rows},
                                 {"erased_again", report.erased_again}});
  } catch (const std::exception& error) {
    outcome.error = error.what();
    logger.error("drill failed", {{"error", outcome.error}});
  }
  db::backup_runs::finish(conn.get(), run_id, outcome);
  return outcome.success ? 0 : 1;
}

}  // namespace tmeit::backup
