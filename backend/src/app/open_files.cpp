#include "app/open_files.hpp"

#include <sys/resource.h>

#include <algorithm>

namespace tmeit::app {
namespace {

// Descriptors kept for what is not a client connection.
constexpr std::uint64_t reserved_descriptors = 128;

}  // namespace

std::uint64_t raise_open_files_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    // A failure keeps the old limit, which connections_within then respects.
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? UINT64_MAX : limit.rlim_cur;
}

std::size_t connections_within(std::uint64_t open_files_limit, std::size_t wanted) {
  const std::uint64_t room = open_files_limit > 2 * reserved_descriptors
                                 ? open_files_limit - reserved_descriptors
                                 : open_files_limit / 2;
  // The server accepts up to 10 % beyond its limit before refusing.
  return static_cast<std::size_t>(std::min<std::uint64_t>(wanted, room * 10 / 11));
}

}  // namespace tmeit::app
