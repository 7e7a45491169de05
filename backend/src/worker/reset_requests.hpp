#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <string>

namespace tmeit::worker {

/// Turns queued password reset requests (db::password_reset_requests) into reset tokens and
/// mail, one transaction per request: for an email that is a member's, a new token replaces
/// their unused ones and the mail with the link under `public_url` is queued; any other request
/// is just deleted. Handles at most `max` requests; returns how many it handled.
boost::asio::awaitable<std::size_t> process_reset_requests(db::Pool& pool,
                                                           const std::string& public_url,
                                                           std::size_t max);

}  // namespace tmeit::worker
