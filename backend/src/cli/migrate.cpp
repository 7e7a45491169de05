#include "cli/migrate.hpp"
#include "cli/usage.hpp"

#include "app/build_info.hpp"
#include "db/errors.hpp"
#include "db/migration_runner.hpp"
#include "db/migrations.hpp"

#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>
#include <string_view>

namespace tmeit::cli {
namespace {

constexpr Usage migrate_usage{
    "migrate",
    "usage: tmeit migrate up [--timeout S] | status | wait [--timeout S]\n"
    "  up       apply pending migrations from TMEIT_MIGRATIONS_DIR (safe to run concurrently);\n"
    "           retries connecting for up to S seconds (default 120: the database may be "
    "starting)\n"
    "  status   list migrations as applied or pending; exit 1 when any are pending\n"
    "  wait     wait until the database schema is at least this build's version\n"
    "           (for an init container); --timeout S gives up after S seconds (default 300)\n"};

constexpr int default_wait_seconds = 300;
constexpr int default_connect_seconds = 120;

/// Parses "--timeout S" / "--timeout=S" after the action; std::nullopt on bad input.
std::optional<int> parse_timeout(const std::vector<std::string>& args, int seconds) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string_view value;
    if (args[i] == "--timeout" && i + 1 < args.size()) {
      value = args[++i];
    } else if (args[i].starts_with("--timeout=")) {
      value = std::string_view(args[i]).substr(10);
    } else {
      return std::nullopt;
    }
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc{} || end != value.data() + value.size() || seconds < 0 || seconds > 86400) {
      return std::nullopt;
    }
  }
  return seconds;
}

int migrate_up(const app::Config& config, app::Logger& logger, int connect_seconds) {
  const auto migrations = db::load_migrations(config.migrations_dir);
  db::MigrationRunner runner(config.database_url, std::cout);
  const int applied = runner.up(migrations, std::chrono::seconds(connect_seconds));
  logger.info("migrations applied", {{"applied", applied}});
  return 0;
}

int migrate_status(const app::Config& config) {
  const auto migrations = db::load_migrations(config.migrations_dir);
  db::MigrationRunner runner(config.database_url, std::cout);
  const db::MigrationStatus status = runner.status(migrations);
  return status.pending > 0 || status.changed > 0 ? 1 : 0;
}

int migrate_wait(const app::Config& config, app::Logger& logger, int timeout_seconds) {
  const int needed = app::build_info::schema_version;
  db::MigrationRunner runner(config.database_url, std::cout);
  if (runner.wait_for_version(needed, std::chrono::seconds(timeout_seconds))) return 0;
  logger.error("timed out waiting for the database schema",
               {{"needed_schema_version", needed}, {"timeout_seconds", timeout_seconds}});
  return 1;
}

}  // namespace

int run_migrate(const std::vector<std::string>& args, const app::Config& config,
                app::Logger& logger) {
  if (args.empty()) return migrate_usage.error("missing action");
  const std::string& action = args[0];
  if (action == "--help" || action == "-h" || action == "help") {
    std::cout << migrate_usage.text;
    return 0;
  }
  if (action == "status" && args.size() > 1) {
    return migrate_usage.error("unexpected argument '" + args[1] + "'");
  }
  std::optional<int> timeout_seconds;
  if (action == "wait" || action == "up") {
    timeout_seconds =
        parse_timeout(args, action == "wait" ? default_wait_seconds : default_connect_seconds);
    if (!timeout_seconds)
      return migrate_usage.error("expected: " + action + " [--timeout SECONDS] (0 to 86400)");
  } else if (action != "status") {
    return migrate_usage.error("unknown action '" + action + "'");
  }
  try {
    if (action == "up") return migrate_up(config, logger, *timeout_seconds);
    if (action == "status") return migrate_status(config);
    return migrate_wait(config, logger, *timeout_seconds);
  } catch (const db::MigrationError& error) {
    logger.error("migrate " + action + " refused", {{"error", error.what()}});
  } catch (const db::DbUnavailable& error) {
    logger.error("migrate " + action + ": database unavailable", {{"error", error.what()}});
  } catch (const std::exception& error) {
    logger.exception("migrate " + action + " failed", {{"error", error.what()}});
  }
  return 1;
}

}  // namespace tmeit::cli
