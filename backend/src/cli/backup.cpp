#include "backup/catalog.hpp"
#include "backup/drill.hpp"
#include "backup/prune.hpp"
#include "backup/restore.hpp"
#include "backup/run.hpp"
#include "cli/backup_plan.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "clients/curl_handles.hpp"
#include "db/errors.hpp"
#include "domain/privacy_policy.hpp"
#include "storage/storage_factory.hpp"

#include <iostream>
#include <map>
#include <optional>

namespace tmeit::cli {
namespace {

constexpr Usage backup_usage{
    "backup",
    "usage: tmeit backup run | plan --now TIME | prune [--dry-run] | list\n"
    "                    | restore --from KEY|latest --to DATABASE_URL [--force] | drill | policy\n"
    "  run      dump, encrypt (age) and upload a backup, then verify it (exit 3: another run\n"
    "           holds the lock)\n"
    "  plan     read backup keys on stdin, print `keep KEY RULE` or `delete KEY` at TIME\n"
    "           (e.g. 2026-11-28T06:30:00Z): the retention rule without a bucket\n"
    "  prune    delete what the retention rule lets go (--dry-run: only print it)\n"
    "  list     every backup with its age, size and the rule that keeps it\n"
    "  restore  restore a verified backup into a database (needs the age identity file)\n"
    "  drill    restore the newest backup into TMEIT_BACKUP_DRILL_DATABASE_URL and check it\n"
    "  policy   print the retention the privacy policy must state (JSON)\n"};

/// "--name value" and "--flag" options after the action; nullopt on an unknown one.
std::optional<std::map<std::string, std::string>> parse_options(
    const Args& args, std::initializer_list<std::string_view> with_value,
    std::initializer_list<std::string_view> flags) {
  std::map<std::string, std::string> options;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (std::find(flags.begin(), flags.end(), arg) != flags.end()) {
      options[arg] = "1";
    } else if (std::find(with_value.begin(), with_value.end(), arg) != with_value.end() &&
               i + 1 < args.size()) {
      options[arg] = args[++i];
    } else {
      return std::nullopt;
    }
  }
  return options;
}

std::unique_ptr<storage::ObjectStore> backup_store(const app::Config& config) {
  auto store = storage::make_backup_store(config);
  if (!store) {
    throw app::ConfigError(
        {"TMEIT_BACKUP_STORAGE (or TMEIT_STORAGE_BACKEND): set folder or s3 for backups"});
  }
  return store;
}

int list_backups(const app::Config& config) {
  auto store = backup_store(config);
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const backup::Catalog catalog = backup::read_catalog(*store);
  print_listing(std::cout, catalog, now, backup::retention_policy(config));
  return 0;
}

int restore_backup(const app::Config& config, const app::Logger& logger,
                   const std::map<std::string, std::string>& options) {
  if (!options.contains("--to")) return backup_usage.error("restore needs --to DATABASE_URL");
  auto store = backup_store(config);
  const backup::RestoreRequest request{options.contains("--from") ? options.at("--from") : "latest",
                                       options.at("--to"), options.contains("--force")};
  try {
    const auto report = backup::restore(config, *store, request, logger);
    std::cout << "restored " << report.key << " (taken " << report.taken_at << ", schema "
              << report.schema_version << ", " << report.rows
              << " rows); erased again: " << report.erased_again << " of "
              << report.erasures_in_ledger << " ledger entries\n";
    return 0;
  } catch (const backup::RestoreError& error) {
    logger.error("restore refused or failed",
                 {{"error", error.what()}, {"target_touched", error.target_touched()}});
    return 1;
  }
}

int dispatch(const Args& args, const app::Config& config, const app::Logger& logger) {
  const std::string& action = args[0];
  if (action == "plan") {
    const auto options = parse_options(args, {"--now"}, {});
    if (!options || !options->contains("--now")) return backup_usage.error("plan needs --now TIME");
    return plan_from_stdin(options->at("--now"), std::cin, std::cout, std::cerr,
                           backup::retention_policy(config));
  }
  const auto options = parse_options(args, {"--from", "--to"}, {"--dry-run", "--force"});
  if (!options) return backup_usage.error("unexpected arguments for " + action);
  if (action == "run") {
    auto store = backup_store(config);
    return backup::exit_code(backup::run_backup(config, *store, logger));
  }
  if (action == "prune") {
    auto store = backup_store(config);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    backup::prune(config, *store, now, options->contains("--dry-run"), std::cout, logger);
    return 0;
  }
  if (action == "list") return list_backups(config);
  if (action == "policy") {
    std::cout << domain::retention_facts_json(backup::retention_policy(config),
                                              config.backup_object_lock_days);
    return 0;
  }
  if (action == "restore") return restore_backup(config, logger, *options);
  if (action == "drill") {
    auto store = backup_store(config);
    return backup::run_drill(config, *store, logger);
  }
  return backup_usage.error("unknown action '" + action + "'");
}

}  // namespace

int run_backup_command(const Args& args) {
  if (args.empty()) return backup_usage.error("missing action");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << backup_usage.text;
    return 0;
  }
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  // Before any thread exists: curl_global_init is not thread-safe.
  const clients::CurlGlobal curl;
  try {
    return dispatch(args, config, logger);
  } catch (const app::ConfigError&) {
    throw;
  } catch (const std::exception& error) {
    logger.error("backup " + args[0] + " failed", {{"error", error.what()}});
    return 1;
  }
}

}  // namespace tmeit::cli
