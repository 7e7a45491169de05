#include "cli/api_components.hpp"

#include "app/build_info.hpp"
#include "http/openapi.hpp"
#include "http/routes.hpp"

namespace tmeit::cli {

ApiComponents::ApiComponents(const app::Config& config, app::Logger& logger)
    : pool(config.database_url, config.db_pool_size, config.db_timeout, logger),
      password_pool(config.password_threads, config.password_queue, /*niceness=*/19),
      members(pool),
      events(pool),
      sign_ups(pool),
      authenticator(members, config.jwt_secret, config.token_lifetime),
      passwords(password_pool),
      system(pool, metrics, lifecycle, app::build_info::schema_version),
      auth(pool, members, authenticator, passwords,
           {config.login_failures_per_account, config.login_failures_per_address}),
      member_handlers(pool, members, config.db_timeout),
      event_handlers(pool, events, config.db_timeout),
      sign_up_handlers(pool, sign_ups, passwords, {config.sign_ups_per_address, config.public_url}),
      reset_handlers(pool, passwords, {config.resets_per_email, config.resets_per_address}),
      email_handlers(pool),
      router(http::build_routes({system, auth, member_handlers, event_handlers, sign_up_handlers,
                                 reset_handlers, email_handlers})),
      openapi(http::openapi_document(router, app::build_info::version, http::component_schemas())) {
  system.set_openapi_document(openapi.dump());
}

}  // namespace tmeit::cli
