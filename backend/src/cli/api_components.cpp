#include "cli/api_components.hpp"

#include "app/build_info.hpp"
#include "http/openapi.hpp"
#include "http/routes.hpp"

namespace tmeit::cli {

ApiComponents::ApiComponents(const app::Config& config, app::Logger& logger)
    : pool(config.database_url, config.db_pool_size, config.db_timeout, logger),
      system(pool, metrics, lifecycle, app::build_info::schema_version),
      router(http::build_routes({system})) {
  system.set_openapi_document(http::openapi_document(router, app::build_info::version).dump());
}

}  // namespace tmeit::cli
