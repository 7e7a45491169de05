#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>

/// Data minimisation: personal data kept only as long as it serves its purpose, as the privacy
/// policy promises. The worker runs these at start and hourly; each returns how many rows it
/// changed.
namespace tmeit::db::retention {

/// Sign-up client IPs serve rate limiting and abuse handling only: erased at
/// domain::sign_up_ip_retention_days (30).
boost::asio::awaitable<std::int64_t> forget_old_sign_up_ips(Pool& pool);

/// Mail that was sent (or given up) more than 7 days ago: deleted, since it holds names,
/// addresses and reset links.
boost::asio::awaitable<std::int64_t> delete_old_mail(Pool& pool);

/// Password reset tokens a week past their expiry: deleted.
boost::asio::awaitable<std::int64_t> delete_old_password_resets(Pool& pool);

}  // namespace tmeit::db::retention
