#pragma once

#include "app/config.hpp"
#include "storage/object_store.hpp"

#include <chrono>

namespace tmeit::backup {

/// How every backup object is written: Object Lock for TMEIT_BACKUP_OBJECT_LOCK_DAYS from `now`
/// (none for 0).
inline storage::PutOptions backup_put_options(const app::Config& config,
                                              std::chrono::system_clock::time_point now) {
  storage::PutOptions options;
  if (config.backup_object_lock_days > 0) {
    options.lock = storage::ObjectLock{
        now + std::chrono::days(static_cast<int>(config.backup_object_lock_days))};
  }
  return options;
}

/// The advisory lock `backup run` holds, so two runs never overlap ("tmeit_bk" in ASCII).
inline constexpr long long backup_lock_key = 8389473184459481707LL;

}  // namespace tmeit::backup
