#include "cli/api_components.hpp"

#include "app/build_info.hpp"
#include "http/openapi.hpp"
#include "http/routes.hpp"
#include "storage/storage_factory.hpp"

namespace tmeit::cli {
namespace {

// Object storage calls wait on the network, not the CPU: more threads than cores is fine, and
// a queue long enough for a page full of photos.
constexpr std::size_t storage_threads = 8;
constexpr std::size_t storage_queue = 256;
// How long the public photo cache trusts that a photo is still public (PublicPhotoCache).
constexpr std::chrono::seconds public_photo_ttl{5};

}  // namespace

ApiComponents::ApiComponents(const app::Config& config, app::Logger& logger)
    : pool(config.database_url, config.db_pool_size, config.db_timeout, logger),
      object_store(storage::make_object_store(config)),
      password_pool(config.password_threads, config.password_queue, /*niceness=*/19),
      // Niced like the password pool: I/O threads keep answering while photos are encoded.
      photo_pool(config.photo_threads, config.photo_queue, /*niceness=*/19),
      storage_pool(storage_threads, storage_queue),
      members(pool),
      events(pool),
      sign_ups(pool),
      photos(pool),
      public_photos(config.photo_cache_mb << 20, public_photo_ttl),
      photo_objects(object_store.get(), photo_pool, storage_pool, photos, public_photos, logger),
      authenticator(members, config.jwt_secret, config.token_lifetime),
      passwords(password_pool),
      system(pool, metrics, lifecycle, app::build_info::schema_version),
      auth(pool, members, authenticator, passwords,
           {config.login_failures_per_account, config.login_failures_per_address}),
      member_handlers(pool, members, photo_objects, config.db_timeout),
      event_handlers(pool, events, photo_objects, config.db_timeout),
      sign_up_handlers(pool, sign_ups, passwords, {config.sign_ups_per_address, config.public_url}),
      reset_handlers(pool, passwords, {config.resets_per_email, config.resets_per_address}),
      email_handlers(pool),
      photo_handlers(members, events, photos, photo_objects, public_photos, authenticator),
      router(http::build_routes({system, auth, member_handlers, event_handlers, sign_up_handlers,
                                 reset_handlers, email_handlers, photo_handlers})),
      openapi(http::openapi_document(router, app::build_info::version, http::component_schemas())) {
  system.set_openapi_document(openapi.dump());
}

void ApiComponents::stop_pools() {
  password_pool.stop();
  photo_pool.stop();
  storage_pool.stop();
}

}  // namespace tmeit::cli
