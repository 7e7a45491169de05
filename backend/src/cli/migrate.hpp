#pragma once

#include "app/config.hpp"
#include "app/logger.hpp"

#include <string>
#include <vector>

namespace tmeit::cli {

/// `tmeit migrate up | status | wait [--timeout S]`; `args` are the words after "migrate".
/// Exit codes: 0 done (status: nothing pending; wait: schema ready), 1 failure (status: some
/// pending or changed; wait: timed out), 2 usage error.
int run_migrate(const std::vector<std::string>& args, const app::Config& config,
                app::Logger& logger);

}  // namespace tmeit::cli
