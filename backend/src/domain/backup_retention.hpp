#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::domain {

/// The retention of the notes: every backup for a month, then the first of each UTC day, after
/// a year the first of each UTC month; optionally nothing past `max_age`. Two safety rules keep
/// a failing backup job from pruning history away.
struct RetentionPolicy {
  std::chrono::seconds keep_all{std::chrono::days{31}};
  std::chrono::seconds keep_daily{std::chrono::days{365}};
  /// Unset: monthly backups are kept forever (the notes set no end).
  std::optional<std::chrono::seconds> max_age;
  /// Never delete the newest this many backups.
  std::size_t keep_newest = 24;
  /// Delete nothing while the newest backup is older than this (or there is none).
  std::chrono::seconds stale_after{std::chrono::hours{2}};
};

/// Why a backup is kept (or that it is not).
enum class RetentionRule { recent, daily, monthly, newest, hold, expired, thinned };

/// The word `backup plan` and `backup list` print for a rule: recent, daily, monthly,
/// newest-24, hold; "delete" for the two that do not keep.
std::string_view rule_name(RetentionRule rule);

/// One verified backup: its key and the time the key names.
struct BackupRef {
  std::string key;
  std::chrono::sys_seconds taken;
};

/// What happens to one backup.
struct RetentionDecision {
  BackupRef backup;
  bool keep = true;
  RetentionRule rule = RetentionRule::recent;
};

/// The decisions, oldest backup first, and whether the safety hold stopped all deletion.
struct RetentionPlan {
  std::vector<RetentionDecision> decisions;
  bool held = false;
  std::size_t kept() const;
  std::size_t deleted() const;
};

/// Decides keep or delete for every verified backup at `now`. Pure: no clock, no I/O. Ages are
/// `now - taken` to the second; days and months are UTC calendar days and months; "first" is
/// the earliest verified backup of that day or month (a missing hour or day moves it on).
RetentionPlan plan_retention(std::vector<BackupRef> backups, std::chrono::sys_seconds now,
                             const RetentionPolicy& policy = {});

}  // namespace tmeit::domain
