#pragma once

#include "app/blocking_pool.hpp"
#include "app/logger.hpp"
#include "db/photo_repository.hpp"
#include "domain/photo.hpp"
#include "http/public_photo_cache.hpp"
#include "http/types.hpp"
#include "storage/object_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmeit::http {

/// An upload's sizes, stored.
struct StoredPhoto {
  domain::PhotoKeys keys;
  /// The upright size of the upload.
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

/// The objects behind photos: processing uploads into stored sizes, deleting objects no row
/// names any more, reading them back to serve them. The rule that keeps storage and database
/// consistent: objects first, then the row; an object is deleted only after its rows are gone,
/// and only when no other row names it (content keys are shared by identical uploads). What a
/// failure leaves behind, `tmeit storage sweep` cleans up.
class PhotoObjects {
 public:
  /// `store` may be null (TMEIT_STORAGE_BACKEND=none): uploads are then a 503 and nothing is
  /// served. `photo_pool` decodes and encodes (its threads bound the memory of concurrent
  /// decodes) and stores the sizes; `storage_pool` reads and deletes objects. No call blocks
  /// an I/O thread.
  /// `public_photos` is forgotten whenever rows are gone (release).
  PhotoObjects(storage::ObjectStore* store, app::BlockingPool& photo_pool,
               app::BlockingPool& storage_pool, db::PhotoRepository& photos,
               PublicPhotoCache& public_photos, const app::Logger& logger)
      : store_(store),
        photo_pool_(photo_pool),
        storage_pool_(storage_pool),
        photos_(photos),
        public_photos_(public_photos),
        logger_(logger) {}

  /// Processes `upload` (media::process_photo) and stores its sizes. Throws
  /// ApiError for an upload media/ refuses (415, 422), app::PoolSaturated (503), and
  /// ServiceUnavailable when there is no storage or it fails (what was stored of the upload is
  /// released first).
  asio::awaitable<StoredPhoto> store(std::string upload);

  /// Deletes the objects of `keys` that no row names: call it after the rows are gone (a
  /// photo, a banner, an event or a member deleted). Clears the public photo cache first, so
  /// this server stops serving them at once. Never throws; a failure is logged and left to the
  /// sweep.
  asio::awaitable<void> release(std::vector<std::string> keys);

  /// The bytes of the object `key`; std::nullopt when there is none (or no storage). Throws
  /// ServiceUnavailable when the storage fails, app::PoolSaturated when its pool is full.
  asio::awaitable<std::optional<std::string>> read(std::string key);

 private:
  storage::ObjectStore* store_;
  app::BlockingPool& photo_pool_;
  app::BlockingPool& storage_pool_;
  db::PhotoRepository& photos_;
  PublicPhotoCache& public_photos_;
  const app::Logger& logger_;
};

}  // namespace tmeit::http
