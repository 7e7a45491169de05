#include "domain/privacy_policy.hpp"

#include <nlohmann/json.hpp>

namespace tmeit::domain {
namespace {

long long whole_days(std::chrono::seconds duration) {
  return std::chrono::duration_cast<std::chrono::days>(duration).count();
}

}  // namespace

std::string retention_facts_json(const RetentionPolicy& policy, std::size_t object_lock_days) {
  nlohmann::ordered_json facts{
      {"backup_interval_hours", 1},
      {"backup_keep_all_days", whole_days(policy.keep_all)},
      {"backup_keep_daily_days", whole_days(policy.keep_daily)},
      {"backup_max_age_days", nullptr},
      {"backup_object_lock_days", object_lock_days},
      {"sign_up_ip_days", sign_up_ip_retention_days},
  };
  if (policy.max_age) facts["backup_max_age_days"] = whole_days(*policy.max_age);
  return facts.dump(2) + "\n";
}

}  // namespace tmeit::domain
