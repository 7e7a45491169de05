#include "http/photo_objects.hpp"

#include "http/errors.hpp"
#include "http/photo_errors.hpp"
#include "media/photo_processing.hpp"

#include <set>

namespace tmeit::http {
namespace {

/// How long a client should wait before trying again when object storage fails.
constexpr int storage_retry_seconds = 30;

/// What a photo job came to: the stored photo, or why storing it failed. Not an aggregate:
/// g++ 12 crashes (an internal compiler error in check_noexcept_r) on BlockingPool's
/// `Result{}` of an aggregate holding a std::array of strings.
struct StoreOutcome {
  StoreOutcome() {}  // NOLINT(modernize-use-equals-default): see above
  StoredPhoto photo;
  std::string failure;  // empty when every size is stored
};

/// What reading an object came to: its bytes (none: no such object), or why it failed.
struct ReadOutcome {
  std::optional<std::string> body;
  std::string failure;
};

// The pool jobs.

StoreOutcome process_and_store(storage::ObjectStore& store, const std::string& upload) {
  const auto processed = media::process_photo(upload);
  StoreOutcome outcome;
  outcome.photo.width = processed.width;
  outcome.photo.height = processed.height;
  // One key per size, in domain::photo_size_names order (media makes exactly those).
  for (std::size_t i = 0; i < processed.variants.size() && i < outcome.photo.keys.size(); ++i) {
    outcome.photo.keys[i] = processed.variants[i].key;
  }
  try {
    for (const auto& variant : processed.variants) {
      store.put(variant.key, variant.webp, {.content_type = "image/webp"});
    }
  } catch (const storage::StorageError& error) {
    outcome.failure = error.what();
  }
  return outcome;
}

/// Deletes every key; the last failure's message, empty when all went.
std::string remove_all(storage::ObjectStore& store, const std::set<std::string>& keys) {
  std::string failed;
  for (const auto& key : keys) {
    try {
      store.remove(key);
    } catch (const storage::StorageError& error) {
      failed = error.what();
    }
  }
  return failed;
}

ReadOutcome read_object(storage::ObjectStore& store, const std::string& key) {
  ReadOutcome outcome;
  try {
    std::string bytes;
    if (store.get(key, [&bytes](std::string_view chunk) { bytes.append(chunk); })) {
      outcome.body = std::move(bytes);
    }
  } catch (const storage::StorageError& error) {
    outcome.failure = error.what();
  }
  return outcome;
}

}  // namespace

asio::awaitable<StoredPhoto> PhotoObjects::store(std::string upload) {
  if (store_ == nullptr) {
    throw ServiceUnavailable("photo storage is not configured on this server", 3600);
  }
  auto work = [store = store_, upload = std::move(upload)]() {
    return process_and_store(*store, upload);
  };
  // Moved, not copied: an upload is up to 15 MB.
  StoreOutcome outcome;
  try {
    outcome = co_await photo_pool_.run(std::move(work));
  } catch (const media::ImageRejected& rejected) {
    throw photo_rejection(rejected);  // no photo we keep: a 415 or 422 like any API error
  }
  if (!outcome.failure.empty()) {
    logger_.error("photo storage failed", {{"error", outcome.failure}});
    co_await release(db::key_list(outcome.photo.keys));
    throw ServiceUnavailable("photo storage is unavailable: try again later",
                             storage_retry_seconds);
  }
  co_return outcome.photo;
}

asio::awaitable<void> PhotoObjects::release(std::vector<std::string> keys) {
  public_photos_.clear();
  if (store_ == nullptr || keys.empty()) co_return;
  std::string failure;
  try {
    const auto named = co_await photos_.named_keys(keys);
    std::set<std::string> unnamed;
    for (auto& key : keys) {
      if (!named.contains(key)) unnamed.insert(std::move(key));
    }
    if (!unnamed.empty()) {
      auto work = [store = store_, unnamed = std::move(unnamed)]() {
        return remove_all(*store, unnamed);
      };
      failure = co_await storage_pool_.run(std::move(work));
    }
  } catch (const std::exception& error) {
    failure = error.what();
  }
  if (!failure.empty()) {
    logger_.warn("photo objects not deleted; `tmeit storage sweep` will", {{"error", failure}});
  }
}

asio::awaitable<std::optional<std::string>> PhotoObjects::read(std::string key) {
  if (store_ == nullptr) co_return std::nullopt;
  auto work = [store = store_, key = std::move(key)]() { return read_object(*store, key); };
  auto outcome = co_await storage_pool_.run(std::move(work));
  if (!outcome.failure.empty()) {
    logger_.error("photo storage failed", {{"error", outcome.failure}});
    throw ServiceUnavailable("photo storage is unavailable: try again later",
                             storage_retry_seconds);
  }
  co_return std::move(outcome.body);
}

}  // namespace tmeit::http
