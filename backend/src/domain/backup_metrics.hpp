#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tmeit::domain {

/// What the database's record of backup runs says, for /metrics.
struct BackupStatus {
  std::optional<double> backup_last_success;  ///< epoch seconds
  std::optional<std::int64_t> backup_last_size;
  std::optional<bool> backup_last_ok;  ///< outcome of the newest finished backup
  std::optional<double> drill_last_success;
  std::optional<bool> drill_last_ok;
};

/// Appends the tmeit_backup_* gauges in the Prometheus text format. Timestamps and the outcome
/// are 0 when there was no such run yet, so "no backup for two hours" alerts from the first
/// scrape on. The names are a contract with the alert rules (deploy/monitoring/).
void render_backup_metrics(std::string& out, const BackupStatus& status);

}  // namespace tmeit::domain
