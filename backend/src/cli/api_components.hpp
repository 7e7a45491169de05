#pragma once

#include "app/blocking_pool.hpp"
#include "app/config.hpp"
#include "app/lifecycle.hpp"
#include "app/logger.hpp"
#include "db/event_repository.hpp"
#include "db/member_repository.hpp"
#include "db/photo_repository.hpp"
#include "db/pool.hpp"
#include "db/sign_up_repository.hpp"
#include "http/auth.hpp"
#include "http/handlers/auth_handlers.hpp"
#include "http/handlers/email_handlers.hpp"
#include "http/handlers/event_handlers.hpp"
#include "http/handlers/member_handlers.hpp"
#include "http/handlers/password_service.hpp"
#include "http/handlers/photo_handlers.hpp"
#include "http/handlers/reset_handlers.hpp"
#include "http/handlers/sign_up_handlers.hpp"
#include "http/handlers/system_handlers.hpp"
#include "http/metrics.hpp"
#include "http/photo_objects.hpp"
#include "http/public_photo_cache.hpp"
#include "http/router.hpp"
#include "storage/object_store.hpp"

#include <memory>

namespace tmeit::cli {

/// Everything behind the route table, built in dependency order. `serve` runs it; `openapi`
/// only reads its route table (the pool connects lazily, so that needs no database).
struct ApiComponents {
  ApiComponents(const app::Config& config, app::Logger& logger);

  /// Lets the pools finish the jobs in hand and joins them: call it before the io_contexts
  /// their callers resume on are destroyed (BlockingPool::stop).
  void stop_pools();

  db::Pool pool;
  http::Metrics metrics;
  app::Lifecycle lifecycle;
  // Before the pools: their threads use it until they are joined.
  std::unique_ptr<storage::ObjectStore> object_store;  // null: TMEIT_STORAGE_BACKEND=none
  app::BlockingPool password_pool;
  app::BlockingPool photo_pool;    // decodes and encodes uploads, stores their sizes
  app::BlockingPool storage_pool;  // reads and deletes photo objects
  db::MemberRepository members;
  db::EventRepository events;
  db::SignUpRepository sign_ups;
  db::PhotoRepository photos;
  http::PublicPhotoCache public_photos;  // before photo_objects, which clears it
  http::PhotoObjects photo_objects;
  http::Authenticator authenticator;
  http::PasswordService passwords;
  http::SystemHandlers system;
  http::AuthHandlers auth;
  http::MemberHandlers member_handlers;
  http::EventHandlers event_handlers;
  http::SignUpHandlers sign_up_handlers;
  http::ResetHandlers reset_handlers;
  http::EmailHandlers email_handlers;
  http::PhotoHandlers photo_handlers;
  http::Router router;
  nlohmann::ordered_json openapi;  // generated once from the route table
};

}  // namespace tmeit::cli
