#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

namespace tmeit::db {

/// Everything the database holds about a member, as JSON text (GDPR art. 15 and 20): their
/// record (every column, so a new one is never forgotten; the password only as "set or not"),
/// their sign-ups, password reset tokens and requests (without the token hashes), every mail to
/// them (reset links included: they are theirs), the audit entries about them, and the changes
/// they made to others (when and to whom, without the other member's values). Timestamps in UTC.
/// std::nullopt when there is no such member.
boost::asio::awaitable<std::optional<std::string>> export_personal_data(
    Pool& pool, const std::string& short_uuid);

}  // namespace tmeit::db
