#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/member.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

/// Password reset tokens (table password_resets). Only the SHA-256 of a token is stored; every
/// function here takes that digest as lower-case hex.
namespace tmeit::db::password_resets {

/// Voids the member's unused tokens and stores a new one valid for an hour, in the caller's
/// transaction (so the mail with the token is queued only if this commits).
boost::asio::awaitable<void> replace(Transaction& transaction, const std::string& member_uuid,
                                     const std::string& token_hash_hex);

/// The member an unused, unexpired token belongs to, without using the token up.
boost::asio::awaitable<std::optional<domain::Member>> find_member(
    Pool& pool, const std::string& token_hash_hex);

/// Uses the token up (one UPDATE, so it works once even under concurrent requests) and sets the
/// member's password hash, revoking their older login tokens. False when the token is unknown,
/// expired or used.
boost::asio::awaitable<bool> consume(Transaction& transaction, const std::string& token_hash_hex,
                                     const std::string& password_hash);

}  // namespace tmeit::db::password_resets
