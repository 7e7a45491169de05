#pragma once

#include "app/config.hpp"
#include "app/logger.hpp"
#include "storage/object_store.hpp"

namespace tmeit::backup {

/// The weekly restore drill: restores the newest verified backup into the scratch database of
/// TMEIT_BACKUP_DRILL_DATABASE_URL (replacing what an earlier drill left there), with every
/// check of a restore, and records the outcome as a `drill` run in the app's database
/// (DATABASE_URL), which /metrics shows. Returns the process exit code (0 or 1).
int run_drill(const app::Config& config, storage::ObjectStore& store, const app::Logger& logger);

}  // namespace tmeit::backup
