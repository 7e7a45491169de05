#pragma once

#include "app/config.hpp"
#include "app/logger.hpp"
#include "storage/object_store.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tmeit::backup {

/// The backup duties of `tmeit worker`, on a thread of its own (object storage and pg_dump
/// block): every few seconds it copies new erasures to the ledger beside the backups, and with
/// TMEIT_BACKUP_SCHEDULE=hourly it also backs up whenever the newest successful backup is an
/// hour old, then prunes. So a single-machine install (`./scripts/run`, folder storage) is
/// protected without Kubernetes. Errors are logged and retried on the next round.
class BackupScheduler {
 public:
  BackupScheduler(const app::Config& config, storage::ObjectStore& store,
                  const app::Logger& logger);
  ~BackupScheduler();
  BackupScheduler(const BackupScheduler&) = delete;
  BackupScheduler& operator=(const BackupScheduler&) = delete;

  /// Ends the loop after the current step (a running backup finishes first) and joins.
  void stop();

 private:
  void loop();
  bool wait(std::chrono::seconds duration);

  const app::Config& config_;
  storage::ObjectStore& store_;
  const app::Logger& logger_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tmeit::backup
