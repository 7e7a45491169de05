#include "http/photo_objects.hpp"

#include "http/errors.hpp"
#include "media/photo_processing.hpp"

#include <set>

namespace tmeit::http {
namespace {

/// How long a client should wait before trying again when object storage fails.
constexpr int storage_retry_seconds = 30;

/// What a photo job came to: the stored photo, or why storing it failed.
struct StoreOutcome {
  StoredPhoto photo;
  std::string failure;  // empty when every size is stored
};

}  // namespace

asio::awaitable<StoredPhoto> PhotoObjects::store(std::string upload) {
  if (store_ == nullptr) {
    throw ServiceUnavailable("photo storage is not configured on this server", 3600);
  }
  auto work = [this, upload = std::move(upload)]() {
    const auto processed = media::process_photo(upload);
    StoreOutcome outcome{{{}, processed.width, processed.height}, {}};
    // One key per size, in domain::photo_size_names order (media makes exactly those).
    for (std::size_t i = 0; i < processed.variants.size() && i < outcome.photo.keys.size(); ++i) {
      outcome.photo.keys[i] = processed.variants[i].key;
    }
    try {
      for (const auto& variant : processed.variants) {
        store_->put(variant.key, variant.webp, {.content_type = "image/webp"});
      }
    } catch (const storage::StorageError& error) {
      outcome.failure = error.what();
    }
    return outcome;
  };
  // Moved, not copied: an upload is up to 15 MB.
  auto outcome = co_await photo_pool_.run(std::move(work));
  if (!outcome.failure.empty()) {
    logger_.error("photo storage failed", {{"error", outcome.failure}});
    co_await release(db::key_list(outcome.photo.keys));
    throw ServiceUnavailable("photo storage is unavailable: try again later",
                             storage_retry_seconds);
  }
  co_return outcome.photo;
}

asio::awaitable<void> PhotoObjects::release(std::vector<std::string> keys) {
  if (store_ == nullptr || keys.empty()) co_return;
  std::string failure;
  try {
    const auto named = co_await photos_.named_keys(keys);
    std::set<std::string> unnamed;
    for (auto& key : keys) {
      if (!named.contains(key)) unnamed.insert(std::move(key));
    }
    auto work = [this, unnamed = std::move(unnamed)]() {
      std::string failed;
      for (const auto& key : unnamed) {
        try {
          store_->remove(key);
        } catch (const storage::StorageError& error) {
          failed = error.what();
        }
      }
      return failed;
    };
    if (!unnamed.empty()) failure = co_await storage_pool_.run(std::move(work));
  } catch (const std::exception& error) {
    failure = error.what();
  }
  if (!failure.empty()) {
    logger_.warn("photo objects not deleted; `tmeit storage sweep` will", {{"error", failure}});
  }
}

asio::awaitable<std::optional<std::string>> PhotoObjects::read(std::string key) {
  if (store_ == nullptr) co_return std::nullopt;
  auto work = [this, key = std::move(key)]() {
    std::optional<std::string> body;
    std::string failure;
    try {
      std::string bytes;
      if (store_->get(key, [&bytes](std::string_view chunk) { bytes.append(chunk); })) {
        body = std::move(bytes);
      }
    } catch (const storage::StorageError& error) {
      failure = error.what();
    }
    return std::pair{std::move(body), std::move(failure)};
  };
  auto [body, failure] = co_await storage_pool_.run(std::move(work));
  if (!failure.empty()) {
    logger_.error("photo storage failed", {{"error", failure}});
    throw ServiceUnavailable("photo storage is unavailable: try again later",
                             storage_retry_seconds);
  }
  co_return std::move(body);
}

}  // namespace tmeit::http
