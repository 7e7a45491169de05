#include "http/public_photo_cache.hpp"

#include <iterator>

namespace tmeit::http {

PublicPhotoCache::Bytes PublicPhotoCache::find(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end() || now - found->second->checked >= ttl_) return nullptr;
  order_.splice(order_.begin(), order_, found->second);
  return found->second->bytes;
}

PublicPhotoCache::Bytes PublicPhotoCache::refresh(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return nullptr;
  found->second->checked = now;
  order_.splice(order_.begin(), order_, found->second);
  return found->second->bytes;
}

void PublicPhotoCache::put(const std::string& key, Bytes bytes, Clock::time_point now) {
  if (!bytes || bytes->size() > max_bytes_) return;
  std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) erase_locked(found->second);
  while (!order_.empty() && bytes_ + bytes->size() > max_bytes_) {
    erase_locked(std::prev(order_.end()));
  }
  bytes_ += bytes->size();
  order_.push_front(Entry{key, std::move(bytes), now});
  index_.emplace(key, order_.begin());
}

void PublicPhotoCache::erase(const std::string& key) {
  std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) erase_locked(found->second);
}

void PublicPhotoCache::clear() {
  std::lock_guard lock(mutex_);
  order_.clear();
  index_.clear();
  bytes_ = 0;
}

std::size_t PublicPhotoCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t PublicPhotoCache::entries() const {
  std::lock_guard lock(mutex_);
  return index_.size();
}

void PublicPhotoCache::erase_locked(Order::iterator entry) {
  bytes_ -= entry->bytes->size();
  index_.erase(entry->key);
  order_.erase(entry);
}

}  // namespace tmeit::http
