#include "cli/commands.hpp"

#include "app/config.hpp"
#include "app/logger.hpp"
#include "cli/migrate.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>

namespace tmeit::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"serve", "serve",
       "run the HTTP server (API, static files, /health, /ready; /metrics on TMEIT_METRICS_PORT)",
       &run_serve},
      {"migrate", "migrate up | status | wait --timeout S",
       "apply, list or wait for database migrations", &run_migrate_command},
      {"seed", "seed",
       "create the master account (TMEIT_ADMIN_*) and, in an empty database, demo content",
       &run_seed},
      {"worker", "worker", "send queued email; /health and /metrics on TMEIT_WORKER_PORT",
       &run_worker},
      {"admin", "admin promote EMAIL",
       "break-glass: make a member a master when no master can log in (docs/runbooks/)",
       &run_admin},
      {"backup", "backup run|plan|prune|list|restore|drill",
       "back up to object storage, apply retention, restore (see `tmeit backup help`)",
       &run_backup_command},
      {"storage", "storage sweep [--dry-run]",
       "delete photo objects no row names (older than a day); report rows whose object is gone",
       &run_storage_command},
      {"monitor-health", "monitor-health",
       "is the alert path whole? GET /health (200/503), POST /watchdog, GET /metrics on PORT",
       &run_monitor_health},
      {"openapi", "openapi", "print the OpenAPI document of the API to stdout", &run_openapi},
      {"version", "version", "print the version", &run_version},
      {"help", "help", "show this help", &run_help},
  };
  return table;
}

int run_migrate_command(const Args& args) {
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  return run_migrate(args, config, logger);
}

int run_cli(int argc, char** argv) {
  Args args(argv + std::min(argc, 2), argv + argc);
  if (argc < 2) {
    run_help(args);
    return 2;
  }
  if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    return run_help(args);
  }
  if (std::strcmp(argv[1], "--version") == 0) return run_version(args);
  for (const auto& command : commands()) {
    if (std::strcmp(argv[1], command.name) == 0) {
      try {
        return command.run(args);
      } catch (const app::ConfigError& error) {
        for (const auto& problem : error.problems()) {
          std::cerr << "tmeit: configuration: " << problem << "\n";
        }
        return 2;
      }
    }
  }
  std::cerr << "tmeit: unknown command '" << argv[1] << "'; see `tmeit --help`\n";
  return 2;
}

}  // namespace tmeit::cli
