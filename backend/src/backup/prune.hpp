#pragma once

#include "app/config.hpp"
#include "app/logger.hpp"
#include "domain/backup_retention.hpp"
#include "storage/object_store.hpp"

#include <chrono>
#include <cstddef>
#include <ostream>

namespace tmeit::backup {

/// The retention policy the configuration asks for (TMEIT_BACKUP_MAX_AGE_DAYS).
domain::RetentionPolicy retention_policy(const app::Config& config);

/// What a prune did (or, dry, would do).
struct PruneResult {
  bool held = false;
  std::size_t kept = 0;
  std::size_t deleted_backups = 0;
  std::size_t deleted_unverified = 0;
  std::size_t deleted_ledger = 0;
};

/// Applies the retention to the verified backups in `store` at `now`. A backup goes in two
/// steps, manifest first, so an interrupted prune leaves at most an unverified object, which
/// never counts and which the next prune deletes. Also deletes unverified objects older than
/// six hours (failed runs) and ledger entries older than every kept backup (a day's margin):
/// no restore can need them. While the safety hold is on (newest backup older than 2 hours)
/// nothing at all is deleted. With `dry_run` it deletes nothing and prints the same lines.
/// Each action is printed to `out` as "delete KEY" / "keep KEY RULE".
PruneResult prune(const app::Config& config, storage::ObjectStore& store,
                  std::chrono::sys_seconds now, bool dry_run, std::ostream& out,
                  const app::Logger& logger);

}  // namespace tmeit::backup
