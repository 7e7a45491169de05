#include "domain/backup_retention.hpp"

#include "domain/backup_keys.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace tmeit::domain {
namespace {

using namespace std::chrono;
using backup_keys::backup_key;

sys_seconds at(std::string_view text) {
  const auto time = backup_keys::parse_time(text);
  if (!time) throw std::invalid_argument("bad time in test: " + std::string(text));
  return *time;
}

BackupRef ref(std::string_view text) {
  return {backup_key(at(text)), at(text)};
}

/// The decision for each key, by key.
std::map<std::string, RetentionDecision> by_key(const RetentionPlan& plan) {
  std::map<std::string, RetentionDecision> out;
  for (const auto& decision : plan.decisions) out.emplace(decision.backup.key, decision);
  return out;
}

std::string verdict(const std::map<std::string, RetentionDecision>& plan, std::string_view key) {
  const auto found = plan.find(std::string(key));
  if (found == plan.end()) return "missing";
  return found->second.keep ? "keep " + std::string(rule_name(found->second.rule)) : "delete";
}

/// The policy's own rules, without the newest-24 safety (which keeps every small test set).
RetentionPolicy rules_only() {
  RetentionPolicy policy;
  policy.keep_newest = 0;
  return policy;
}

/// Hourly backups from 2024-01-01T00:00:00Z to 2026-11-28T06:00:00Z, with gaps: a failed hour
/// (2026-11-20T05), a missing day (2025-06-15), a missing first of a month (all of 2025-03-01)
/// and a missing first hour of a day (2026-02-10T00).
std::vector<BackupRef> hourly_history() {
  const std::set<sys_seconds> failed_hours{at("2026-11-20T05:00:00Z"), at("2026-02-10T00:00:00Z")};
  const std::set<sys_days> missing_days{sys_days{2025y / June / 15}, sys_days{2025y / March / 1}};
  std::vector<BackupRef> backups;
  for (sys_seconds t = at("2024-01-01T00:00:00Z"); t <= at("2026-11-28T06:00:00Z"); t += hours{1}) {
    if (failed_hours.contains(t) || missing_days.contains(floor<days>(t))) continue;
    backups.push_back({backup_key(t), t});
  }
  return backups;
}

TEST(BackupRetention, HistoryOfNearlyThreeYearsKeepsMonthDaysAndMonths) {
  const auto history = hourly_history();
  ASSERT_EQ(history.size(), 25445u);
  const RetentionPlan plan = plan_retention(history, at("2026-11-28T06:30:00Z"));
  EXPECT_FALSE(plan.held);
  // 743 hourly (31 days, one failed hour) + 334 daily + 23 monthly.
  EXPECT_EQ(plan.kept(), 1100u);
  EXPECT_EQ(plan.deleted(), 24345u);
  const auto decisions = by_key(plan);
  // Younger than 31 days: every hour.
  EXPECT_EQ(verdict(decisions, "backups/2026/11/28/tmeit-20261128T060000Z.dump.age"),
            "keep recent");
  EXPECT_EQ(verdict(decisions, "backups/2026/10/28/tmeit-20261028T070000Z.dump.age"),
            "keep recent");
  // From 31 days on, the first of each UTC day.
  EXPECT_EQ(verdict(decisions, "backups/2026/10/28/tmeit-20261028T060000Z.dump.age"), "delete");
  EXPECT_EQ(verdict(decisions, "backups/2026/10/28/tmeit-20261028T000000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/06/30/tmeit-20260630T000000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/06/30/tmeit-20260630T010000Z.dump.age"), "delete");
  // The day whose midnight backup failed keeps its 01:00 one.
  EXPECT_EQ(verdict(decisions, "backups/2026/02/10/tmeit-20260210T010000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/02/10/tmeit-20260210T020000Z.dump.age"), "delete");
  // From 365 days on, the first of each UTC month.
  EXPECT_EQ(verdict(decisions, "backups/2025/11/01/tmeit-20251101T000000Z.dump.age"),
            "keep monthly");
  EXPECT_EQ(verdict(decisions, "backups/2025/11/02/tmeit-20251102T000000Z.dump.age"), "delete");
  EXPECT_EQ(verdict(decisions, "backups/2024/01/01/tmeit-20240101T000000Z.dump.age"),
            "keep monthly");
  EXPECT_EQ(verdict(decisions, "backups/2024/02/29/tmeit-20240229T000000Z.dump.age"), "delete");
  // March 2025 lost its first day: its first backup is on the 2nd.
  EXPECT_EQ(verdict(decisions, "backups/2025/03/02/tmeit-20250302T000000Z.dump.age"),
            "keep monthly");
  EXPECT_EQ(verdict(decisions, "backups/2025/03/02/tmeit-20250302T010000Z.dump.age"), "delete");
  EXPECT_EQ(verdict(decisions, "backups/2025/06/16/tmeit-20250616T000000Z.dump.age"), "delete");
}

TEST(BackupRetention, MaxAgeDeletesEvenMonthlyBackups) {
  RetentionPolicy policy;
  policy.max_age = days{400};
  const RetentionPlan plan = plan_retention(hourly_history(), at("2026-11-28T06:30:00Z"), policy);
  EXPECT_EQ(plan.kept(), 1078u);
  const auto decisions = by_key(plan);
  // 392 days old: kept; 423 days old: gone.
  EXPECT_EQ(verdict(decisions, "backups/2025/11/01/tmeit-20251101T000000Z.dump.age"),
            "keep monthly");
  EXPECT_EQ(verdict(decisions, "backups/2025/10/01/tmeit-20251001T000000Z.dump.age"), "delete");
}

TEST(BackupRetention, ThirtyOneDaysIsTheBoundaryToTheSecond) {
  const std::vector<BackupRef> backups{ref("2026-10-28T00:00:00Z"), ref("2026-10-28T06:30:00Z"),
                                       ref("2026-11-28T06:00:00Z")};
  const auto exactly = by_key(plan_retention(backups, at("2026-11-28T06:30:00Z"), rules_only()));
  EXPECT_EQ(verdict(exactly, "backups/2026/10/28/tmeit-20261028T063000Z.dump.age"), "delete");
  const auto one_second_younger =
      by_key(plan_retention(backups, at("2026-11-28T06:29:59Z"), rules_only()));
  EXPECT_EQ(verdict(one_second_younger, "backups/2026/10/28/tmeit-20261028T063000Z.dump.age"),
            "keep recent");
}

TEST(BackupRetention, ThreeHundredSixtyFiveDaysIsTheBoundaryToTheSecond) {
  const std::vector<BackupRef> backups{ref("2025-11-01T00:00:00Z"), ref("2025-11-28T06:30:00Z"),
                                       ref("2026-11-28T06:00:00Z")};
  const auto exactly = by_key(plan_retention(backups, at("2026-11-28T06:30:00Z"), rules_only()));
  EXPECT_EQ(verdict(exactly, "backups/2025/11/28/tmeit-20251128T063000Z.dump.age"), "delete");
  const auto one_second_younger =
      by_key(plan_retention(backups, at("2026-11-28T06:29:59Z"), rules_only()));
  EXPECT_EQ(verdict(one_second_younger, "backups/2025/11/28/tmeit-20251128T063000Z.dump.age"),
            "keep daily");
}

TEST(BackupRetention, DaysAreUtcDays) {
  // 23:59:59 and 00:00:00 are different UTC days, so both are firsts of their day.
  const std::vector<BackupRef> backups{ref("2026-08-01T12:00:00Z"), ref("2026-08-01T23:59:59Z"),
                                       ref("2026-08-02T00:00:00Z"), ref("2026-08-02T00:00:01Z"),
                                       ref("2026-11-28T06:00:00Z")};
  const auto decisions = by_key(plan_retention(backups, at("2026-11-28T06:30:00Z"), rules_only()));
  EXPECT_EQ(verdict(decisions, "backups/2026/08/01/tmeit-20260801T120000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/08/01/tmeit-20260801T235959Z.dump.age"), "delete");
  EXPECT_EQ(verdict(decisions, "backups/2026/08/02/tmeit-20260802T000000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/08/02/tmeit-20260802T000001Z.dump.age"), "delete");
}

TEST(BackupRetention, NothingIsDeletedWhileTheNewestBackupIsOlderThanTwoHours) {
  auto backups = hourly_history();
  // The job has failed since 2026-11-28T04:00: the newest is 2 h 30 min old at 06:30.
  std::erase_if(backups, [](const BackupRef& b) { return b.taken > at("2026-11-28T04:00:00Z"); });
  const RetentionPlan held = plan_retention(backups, at("2026-11-28T06:30:00Z"));
  EXPECT_TRUE(held.held);
  EXPECT_EQ(held.deleted(), 0u);
  EXPECT_EQ(verdict(by_key(held), "backups/2025/11/02/tmeit-20251102T000000Z.dump.age"),
            "keep hold");
  // Exactly two hours old still prunes; a second more holds.
  EXPECT_FALSE(plan_retention(backups, at("2026-11-28T06:00:00Z")).held);
  EXPECT_TRUE(plan_retention(backups, at("2026-11-28T06:00:01Z")).held);
  EXPECT_TRUE(plan_retention({}, at("2026-11-28T06:00:01Z")).held);
}

TEST(BackupRetention, TheNewestTwentyFourAreNeverDeleted) {
  std::vector<BackupRef> backups;
  for (sys_seconds t = at("2026-09-01T00:00:00Z"); t <= at("2026-09-02T15:00:00Z"); t += hours{1}) {
    backups.push_back({backup_key(t), t});
  }
  RetentionPolicy policy;
  policy.stale_after = days{1000};  // so only the newest-24 rule is at work
  const RetentionPlan plan = plan_retention(backups, at("2026-11-28T06:30:00Z"), policy);
  EXPECT_EQ(plan.kept(), 25u);
  const auto decisions = by_key(plan);
  EXPECT_EQ(verdict(decisions, "backups/2026/09/01/tmeit-20260901T000000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/09/01/tmeit-20260901T150000Z.dump.age"), "delete");
  EXPECT_EQ(verdict(decisions, "backups/2026/09/01/tmeit-20260901T160000Z.dump.age"),
            "keep newest-24");
  EXPECT_EQ(verdict(decisions, "backups/2026/09/02/tmeit-20260902T000000Z.dump.age"), "keep daily");
  EXPECT_EQ(verdict(decisions, "backups/2026/09/02/tmeit-20260902T150000Z.dump.age"),
            "keep newest-24");
}

TEST(BackupRetention, ABackupFromTheFutureIsKept) {
  // A skewed clock in the job that wrote it: the key's time is what counts, and it is recent.
  const std::vector<BackupRef> backups{ref("2026-11-28T07:30:00Z")};
  const auto decisions = by_key(plan_retention(backups, at("2026-11-28T06:30:00Z")));
  EXPECT_EQ(verdict(decisions, "backups/2026/11/28/tmeit-20261128T073000Z.dump.age"),
            "keep recent");
}

TEST(BackupRetention, TwentyYearsOfHourlyBackupsArePlanned) {
  std::vector<BackupRef> backups;
  for (sys_seconds t = at("2006-12-01T00:00:00Z"); t <= at("2026-11-28T06:00:00Z"); t += hours{1}) {
    backups.push_back({backup_key(t), t});
  }
  ASSERT_EQ(backups.size(), 175255u);
  const RetentionPlan plan = plan_retention(std::move(backups), at("2026-11-28T06:30:00Z"));
  // 744 hourly + 334 daily (2025-11-28 has none left) + 228 monthly (2006-12 to 2025-11).
  EXPECT_EQ(plan.kept(), 744u + 334u + 228u);
}

}  // namespace
}  // namespace tmeit::domain
