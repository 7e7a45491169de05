#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>

namespace tmeit::db {

/// Data minimisation for sign-ups: the client IP is kept for rate limiting and abuse handling
/// only, so it is erased once it is domain::sign_up_ip_retention_days old (the privacy policy
/// promises this).
boost::asio::awaitable<std::int64_t> forget_old_sign_up_ips(Pool& pool);

}  // namespace tmeit::db
