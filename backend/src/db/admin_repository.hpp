#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>

/// What operators do from the command line (`tmeit admin`), outside the API.
namespace tmeit::db::admin {

/// The outcome of a promotion.
struct Promotion {
  std::string short_uuid;
  std::string previous_role;
  std::int64_t masters = 0;  ///< masters after the promotion
};

/// Makes the member with `email` (any case) a master, revoking their tokens if the role changed
/// (they log in again and get the master's view); std::nullopt when no member has that email.
/// The audit log records it without an actor.
boost::asio::awaitable<std::optional<Promotion>> promote_to_master(Pool& pool,
                                                                   const std::string& email);

}  // namespace tmeit::db::admin
