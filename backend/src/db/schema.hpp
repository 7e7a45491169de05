#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/statement.hpp"

#include <boost/asio/awaitable.hpp>

namespace tmeit::db {

/// The table the migration runner records applied migrations in.
inline constexpr const char* schema_migrations_table = "schema_migrations";

/// The newest applied migration number (fails with 42P01 when the table does not exist yet).
inline constexpr Statement select_schema_version{
    "schema_select_version", "SELECT coalesce(max(version), 0)::bigint FROM schema_migrations"};

/// The database's schema version: the newest applied migration, 0 before the first `migrate
/// up`. For /ready and /api/v1/version. Throws DbUnavailable when the database is unreachable.
boost::asio::awaitable<int> current_schema_version(Pool& pool);

}  // namespace tmeit::db
