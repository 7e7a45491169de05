#include "domain/backup_metrics.hpp"

#include <cstdio>

namespace tmeit::domain {
namespace {

void gauge(std::string& out, const char* name, const char* help, double value) {
  char number[64];
  std::snprintf(number, sizeof number, "%.15g", value);
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " +
         number + "\n";
}

}  // namespace

void render_backup_metrics(std::string& out, const BackupStatus& status) {
  gauge(out, "tmeit_backup_last_success_timestamp_seconds",
        "When the newest verified backup finished (0: never).",
        status.backup_last_success.value_or(0));
  gauge(out, "tmeit_backup_last_size_bytes", "Size in bytes of the newest verified backup.",
        static_cast<double>(status.backup_last_size.value_or(0)));
  gauge(out, "tmeit_backup_last_run_success",
        "1 when the newest finished backup run succeeded, else 0.",
        status.backup_last_ok.value_or(false) ? 1 : 0);
  gauge(out, "tmeit_backup_restore_drill_last_success_timestamp_seconds",
        "When the newest successful restore drill finished (0: never).",
        status.drill_last_success.value_or(0));
}

}  // namespace tmeit::domain
