#pragma once

#include <string>
#include <vector>

namespace tmeit::cli {

using Args = std::vector<std::string>;

/// One sub-command of the `tmeit` binary.
struct Command {
  const char* name;
  const char* usage;    // e.g. "migrate up | status | wait --timeout S"
  const char* summary;  // one line for --help
  int (*run)(const Args& args);
};

/// Every sub-command, in the order `--help` lists them.
const std::vector<Command>& commands();

/// Picks the sub-command from argv and runs it; returns the process exit code.
int run_cli(int argc, char** argv);

// The sub-commands, one file each.
int run_serve(const Args& args);
int run_admin(const Args& args);
int run_migrate_command(const Args& args);
int run_openapi(const Args& args);
int run_seed(const Args& args);
int run_worker(const Args& args);
int run_backup_command(const Args& args);
int run_storage_command(const Args& args);
int run_monitor_health(const Args& args);
int run_help(const Args& args);
int run_version(const Args& args);

}  // namespace tmeit::cli
