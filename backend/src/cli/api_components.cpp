#include "cli/api_components.hpp"

#include "app/build_info.hpp"
#include "http/openapi.hpp"
#include "http/routes.hpp"

namespace tmeit::cli {

ApiComponents::ApiComponents(const app::Config& config, app::Logger& logger)
    : pool(config.database_url, config.db_pool_size, config.db_timeout, logger),
      system(pool, metrics, lifecycle, app::build_info::schema_version),
      router(http::build_routes({system})),
      openapi(http::openapi_document(router, app::build_info::version)) {
  system.set_openapi_document(openapi.dump());
}

}  // namespace tmeit::cli
