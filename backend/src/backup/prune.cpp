#include "backup/prune.hpp"

#include "backup/catalog.hpp"
#include "domain/backup_keys.hpp"

namespace tmeit::backup {
namespace {

using namespace std::chrono;

/// Ledger entries erased before this are needed by no kept backup.
std::optional<sys_seconds> ledger_horizon(const domain::RetentionPlan& plan) {
  for (const auto& decision : plan.decisions) {
    if (decision.keep) return decision.backup.taken - days{1};
  }
  return std::nullopt;
}

/// The erasure's time as seconds ("YYYYMMDDTHHMMSS.mmmZ" → the second it began).
std::optional<sys_seconds> erased_at(const domain::Erasure& erasure) {
  const std::string& s = erasure.erased_at;
  const std::string text = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2) + "T" +
                           s.substr(9, 2) + ":" + s.substr(11, 2) + ":" + s.substr(13, 2) + "Z";
  return domain::backup_keys::parse_time(text);
}

}  // namespace

domain::RetentionPolicy retention_policy(const app::Config& config) {
  domain::RetentionPolicy policy;
  if (config.backup_max_age_days > 0) {
    policy.max_age = days(static_cast<int>(config.backup_max_age_days));
  }
  return policy;
}

PruneResult prune(const app::Config& config, storage::ObjectStore& store, sys_seconds now,
                  bool dry_run, std::ostream& out, const app::Logger& logger) {
  const Catalog catalog = read_catalog(store);
  const domain::RetentionPlan plan =
      domain::plan_retention(catalog.verified, now, retention_policy(config));
  PruneResult result;
  result.held = plan.held;
  result.kept = plan.kept();
  auto remove = [&](const std::string& key) {
    out << "delete " << key << "\n";
    if (!dry_run) store.remove(key);
  };
  for (const auto& decision : plan.decisions) {
    if (decision.keep) {
      out << "keep " << decision.backup.key << " " << domain::rule_name(decision.rule) << "\n";
      continue;
    }
    // The manifest first: from then on the backup does not count, whatever happens next.
    remove(manifest_key(decision.backup.key));
    remove(decision.backup.key);
    ++result.deleted_backups;
  }
  if (plan.held) {
    logger.warn("prune held: the newest verified backup is older than 2 hours; nothing deleted",
                {{"verified", catalog.verified.size()}});
    return result;
  }
  for (const auto& backup : catalog.unverified) {
    if (now - backup.taken < hours{6}) continue;  // maybe a run still verifying
    remove(backup.key);
    ++result.deleted_unverified;
  }
  for (const auto& key : catalog.stray_manifests) remove(key);
  if (const auto horizon = ledger_horizon(plan)) {
    for (std::size_t i = 0; i < catalog.ledger.size(); ++i) {
      const auto when = erased_at(catalog.ledger[i]);
      if (when && *when < *horizon) {
        remove(catalog.ledger_keys[i]);
        ++result.deleted_ledger;
      }
    }
  }
  logger.info(dry_run ? "prune planned (dry run)" : "prune done",
              {{"kept", result.kept},
               {"deleted_backups", result.deleted_backups},
               {"deleted_unverified", result.deleted_unverified},
               {"deleted_ledger_entries", result.deleted_ledger}});
  return result;
}

}  // namespace tmeit::backup
