#pragma once

#include "domain/backup_retention.hpp"

#include <cstddef>
#include <string>

namespace tmeit::domain {

/// How long a sign-up's client IP address is kept (the worker erases older ones).
inline constexpr int sign_up_ip_retention_days = 30;

/// The retention facts the privacy policy (the SPA's /privacy page and docs/gdpr.md) states,
/// as JSON with the same keys as frontend/src/features/privacy/retention.json, so a test can
/// prove the page says what the binary does:
/// {"backup_interval_hours", "backup_keep_all_days", "backup_keep_daily_days",
///  "backup_max_age_days" (null: monthly backups are kept), "backup_object_lock_days",
///  "sign_up_ip_days"}.
std::string retention_facts_json(const RetentionPolicy& policy, std::size_t object_lock_days);

}  // namespace tmeit::domain
