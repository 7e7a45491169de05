#include "app/rate_limiter.hpp"

#include <algorithm>

namespace tmeit::app {

RateLimiter::RateLimiter(std::size_t limit, std::chrono::seconds window)
    : limit_(limit), window_(window) {}

std::optional<std::chrono::seconds> RateLimiter::blocked_for(const std::string& key,
                                                             Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return blocked_locked(key, now);
}

void RateLimiter::record(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  record_locked(key, now);
}

std::optional<std::chrono::seconds> RateLimiter::try_acquire(const std::string& key,
                                                             Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto blocked = blocked_locked(key, now);
  if (!blocked) record_locked(key, now);
  return blocked;
}

void RateLimiter::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  events_.erase(key);
}

std::optional<std::chrono::seconds> RateLimiter::blocked_locked(const std::string& key,
                                                                Clock::time_point now) {
  const auto found = events_.find(key);
  if (found == events_.end()) return std::nullopt;
  auto& times = found->second;
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
  if (times.size() < limit_) return std::nullopt;
  // Free again when the oldest counted event leaves the window; round up to whole seconds.
  const auto wait = times.front() + window_ - now;
  return std::chrono::ceil<std::chrono::seconds>(wait);
}

void RateLimiter::record_locked(const std::string& key, Clock::time_point now) {
  auto& times = events_[key];
  times.push_back(now);
  while (times.size() > limit_) times.pop_front();
  forget_stale(now);
}

void RateLimiter::forget_stale(Clock::time_point now) {
  // Keys nobody uses any more would otherwise stay forever; sweep at most once a window.
  if (now - last_sweep_ < window_) return;
  last_sweep_ = now;
  std::erase_if(events_, [&](const auto& entry) {
    return entry.second.empty() || entry.second.back() <= now - window_;
  });
}

std::chrono::seconds longest_block(RateLimiter& first, const std::string& first_key,
                                   RateLimiter& second, const std::string& second_key) {
  constexpr std::chrono::seconds free{0};
  return std::max(first.blocked_for(first_key).value_or(free),
                  second.blocked_for(second_key).value_or(free));
}

}  // namespace tmeit::app
