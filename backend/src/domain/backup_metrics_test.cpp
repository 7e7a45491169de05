#include "domain/backup_metrics.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

TEST(BackupMetrics, RendersTheFourGauges) {
  BackupStatus status;
  status.backup_last_success = 1795847400.5;
  status.backup_last_size = 123456789;
  status.backup_last_ok = false;
  status.drill_last_success = 1795800000;
  std::string out;
  render_backup_metrics(out, status);
  EXPECT_NE(out.find("\ntmeit_backup_last_success_timestamp_seconds 1795847400.5\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\ntmeit_backup_last_size_bytes 123456789\n"), std::string::npos);
  EXPECT_NE(out.find("\ntmeit_backup_last_run_success 0\n"), std::string::npos);
  EXPECT_NE(out.find("\ntmeit_backup_restore_drill_last_success_timestamp_seconds 1795800000\n"),
            std::string::npos);
  EXPECT_NE(out.find("# TYPE tmeit_backup_last_run_success gauge\n"), std::string::npos);
}

TEST(BackupMetrics, NoRunsYetIsZero) {
  std::string out;
  render_backup_metrics(out, {});
  EXPECT_NE(out.find("\ntmeit_backup_last_success_timestamp_seconds 0\n"), std::string::npos);
  EXPECT_NE(out.find("\ntmeit_backup_last_run_success 0\n"), std::string::npos);
}

}  // namespace
}  // namespace tmeit::domain
