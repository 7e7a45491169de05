#include "app/build_info.hpp"
#include "app/config.hpp"
#include "cli/commands.hpp"

#include <cstdio>
#include <iostream>

namespace tmeit::cli {

int run_help(const Args&) {
  std::cout << "tmeit " << app::build_info::version
            << ": the TMEIT web platform. One binary, many roles.\n\n"
            << "Usage: tmeit <command> [arguments]\n\nCommands:\n";
  for (const auto& command : commands()) {
    std::printf("  %-42s %s\n", command.usage, command.summary);
  }
  std::fflush(stdout);
  std::cout << "\nEnvironment variables:\n";
  for (const auto& var : app::environment_variables()) {
    std::printf("  %-26s %s (default: %s)\n", var.name, var.description, var.default_value);
  }
  std::fflush(stdout);
  return 0;
}

int run_version(const Args&) {
  std::cout << app::build_info::version << "\n";
  return 0;
}

}  // namespace tmeit::cli
