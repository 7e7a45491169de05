#pragma once

#include <chrono>
#include <cstdint>

namespace tmeit::domain {

/// The longest wait between two attempts to send one mail.
inline constexpr std::chrono::milliseconds max_retry_delay = std::chrono::hours(1);

/// Exponential backoff: after the n-th failed attempt (n >= 1) wait base * 2^(n-1), at most
/// max_retry_delay. With a 30 s base, 8 attempts span about two hours of SMTP outage.
inline std::chrono::milliseconds retry_delay(std::int64_t failed_attempts,
                                             std::chrono::milliseconds base) {
  std::chrono::milliseconds delay = base;
  for (std::int64_t i = 1; i < failed_attempts && delay < max_retry_delay; ++i) delay *= 2;
  return delay < max_retry_delay ? delay : max_retry_delay;
}

}  // namespace tmeit::domain
