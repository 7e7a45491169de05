#include "backup/scheduler.hpp"

#include "backup/ledger.hpp"
#include "backup/options.hpp"
#include "backup/prune.hpp"
#include "backup/run.hpp"
#include "db/backup_run_repository.hpp"
#include "db/blocking.hpp"

#include <sstream>

namespace tmeit::backup {
namespace {

using namespace std::chrono;

constexpr seconds ledger_interval{5};
constexpr seconds schedule_check_interval{60};

/// Whether the newest successful backup is (nearly) an hour old, or there is none.
bool backup_due(PGconn* conn) {
  const auto last = db::backup_runs::last_success(conn, "backup");
  const double now = duration<double>(system_clock::now().time_since_epoch()).count();
  return !last || now - *last >= 3600 - 30;
}

}  // namespace

BackupScheduler::BackupScheduler(const app::Config& config, storage::ObjectStore& store,
                                 const app::Logger& logger)
    : config_(config), store_(store), logger_(logger), thread_([this] { loop(); }) {}

BackupScheduler::~BackupScheduler() {
  stop();
}

void BackupScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool BackupScheduler::wait(seconds duration) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, duration, [this] { return stopping_; });
}

void BackupScheduler::loop() {
  const bool hourly = config_.backup_schedule == "hourly";
  logger_.info("backup duties started",
               {{"store", store_.describe()}, {"schedule", hourly ? "hourly" : "off"}});
  db::PgConnPtr conn;
  auto next_check = steady_clock::now() + seconds{10};
  do {
    try {
      if (!conn) conn = db::connect_blocking(config_.database_url, "tmeit-worker-backups", 10);
      flush_ledger(conn.get(), store_, backup_put_options(config_, system_clock::now()));
      if (hourly && steady_clock::now() >= next_check) {
        next_check = steady_clock::now() + schedule_check_interval;
        if (backup_due(conn.get())) {
          const RunResult result = run_backup(config_, store_, logger_);
          if (result.status == RunResult::Status::done) {
            std::ostringstream lines;  // prune's per-key lines; the summary is logged
            prune(config_, store_, floor<seconds>(system_clock::now()), false, lines, logger_);
          }
        }
      }
    } catch (const std::exception& error) {
      logger_.warn("backup duties: will retry", {{"error", error.what()}});
      conn.reset();
    }
  } while (wait(ledger_interval));
}

}  // namespace tmeit::backup
