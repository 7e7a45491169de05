#include "cli/api_components.hpp"
#include "cli/commands.hpp"

#include <iostream>

namespace tmeit::cli {

int run_openapi(const Args&) {
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  ApiComponents api(config, logger);
  std::cout << api.openapi.dump(2) << "\n";
  return 0;
}

}  // namespace tmeit::cli
