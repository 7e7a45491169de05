#include "domain/backup_retention.hpp"

#include <algorithm>

namespace tmeit::domain {
namespace {

using namespace std::chrono;

/// The policy's verdict before the safety rules.
RetentionRule policy_rule(const BackupRef& backup, sys_seconds now, const RetentionPolicy& policy,
                          bool first_of_day, bool first_of_month) {
  const seconds age = now - backup.taken;
  if (age < policy.keep_all) return RetentionRule::recent;
  if (policy.max_age && age >= *policy.max_age) return RetentionRule::expired;
  if (age < policy.keep_daily) return first_of_day ? RetentionRule::daily : RetentionRule::thinned;
  return first_of_month ? RetentionRule::monthly : RetentionRule::thinned;
}

bool keeps(RetentionRule rule) {
  return rule != RetentionRule::expired && rule != RetentionRule::thinned;
}

}  // namespace

std::string_view rule_name(RetentionRule rule) {
  switch (rule) {
    case RetentionRule::recent:
      return "recent";
    case RetentionRule::daily:
      return "daily";
    case RetentionRule::monthly:
      return "monthly";
    case RetentionRule::newest:
      return "newest-24";
    case RetentionRule::hold:
      return "hold";
    case RetentionRule::expired:
    case RetentionRule::thinned:
      return "delete";
  }
  return "delete";
}

std::size_t RetentionPlan::kept() const {
  return static_cast<std::size_t>(
      std::count_if(decisions.begin(), decisions.end(), [](const auto& d) { return d.keep; }));
}

std::size_t RetentionPlan::deleted() const {
  return decisions.size() - kept();
}

RetentionPlan plan_retention(std::vector<BackupRef> backups, sys_seconds now,
                             const RetentionPolicy& policy) {
  std::sort(backups.begin(), backups.end(), [](const BackupRef& a, const BackupRef& b) {
    return a.taken != b.taken ? a.taken < b.taken : a.key < b.key;
  });
  RetentionPlan plan;
  plan.held = backups.empty() || now - backups.back().taken > policy.stale_after;
  const std::size_t newest_from =
      backups.size() > policy.keep_newest ? backups.size() - policy.keep_newest : 0;
  plan.decisions.reserve(backups.size());
  year_month_day previous_day{};
  for (std::size_t i = 0; i < backups.size(); ++i) {
    const year_month_day date{floor<days>(backups[i].taken)};
    // Sorted by time, so the first of a day (or month) is the first one whose date differs
    // from the one before.
    const bool first_of_day = i == 0 || date != previous_day;
    const bool first_of_month =
        i == 0 || date.year() != previous_day.year() || date.month() != previous_day.month();
    previous_day = date;
    RetentionRule rule = policy_rule(backups[i], now, policy, first_of_day, first_of_month);
    if (!keeps(rule) && i >= newest_from) rule = RetentionRule::newest;
    if (!keeps(rule) && plan.held) rule = RetentionRule::hold;
    plan.decisions.push_back({std::move(backups[i]), keeps(rule), rule});
  }
  return plan;
}

}  // namespace tmeit::domain
