#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tmeit::http {

/// Public photos' bytes in memory, so that serving one costs neither a database lookup nor an
/// object read (docs/photos.md, "Serving"). Keys are content addresses, so cached bytes are never
/// stale. Whether a key is still public is: an entry counts for `ttl` after the database last
/// said so, then the next request asks again. This server forgets everything at once when a
/// photo's visibility, a photo or a banner changes here (clear()); a change made through another
/// replica, or by editing or deleting an event or erasing a member, takes up to `ttl` to be seen.
/// A public photo is cached by browsers and CDNs for a year (immutable) anyway.
/// Bounded by the bytes it holds: the least recently served go first. Thread-safe.
class PublicPhotoCache {
 public:
  using Clock = std::chrono::steady_clock;
  using Bytes = std::shared_ptr<const std::string>;

  /// `max_bytes` 0 keeps nothing.
  PublicPhotoCache(std::size_t max_bytes, std::chrono::milliseconds ttl)
      : max_bytes_(max_bytes), ttl_(ttl) {}

  /// The bytes of `key` when the database called it public less than ttl before `now`;
  /// nullptr otherwise (an expired entry keeps its bytes for refresh()).
  Bytes find(const std::string& key, Clock::time_point now = Clock::now());

  /// The bytes of `key` kept from an earlier put, whether or not its ttl has run out: after the
  /// database has said again that the key is public, no object read is needed. Counts from
  /// `now` again. nullptr when there are none.
  Bytes refresh(const std::string& key, Clock::time_point now = Clock::now());

  /// Keeps `bytes` as the public photo `key`, checked at `now`. Evicts the least recently served
  /// until the total fits; a photo larger than the whole cache is not kept.
  void put(const std::string& key, Bytes bytes, Clock::time_point now = Clock::now());

  /// Forgets `key` (the database no longer calls it public).
  void erase(const std::string& key);

  /// Forgets every entry: a visibility, a photo or a banner changed on this server.
  void clear();

  /// What it holds, for tests and /metrics.
  std::size_t bytes() const;
  std::size_t entries() const;

 private:
  struct Entry {
    std::string key;
    Bytes bytes;
    Clock::time_point checked;
  };
  using Order = std::list<Entry>;  // most recently served first

  void erase_locked(Order::iterator entry);

  const std::size_t max_bytes_;
  const std::chrono::milliseconds ttl_;
  mutable std::mutex mutex_;
  Order order_;
  std::unordered_map<std::string, Order::iterator> index_;
  std::size_t bytes_ = 0;
};

}  // namespace tmeit::http
