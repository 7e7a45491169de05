#pragma once

#include "db/pg_handles.hpp"

#include <string>
#include <vector>

namespace tmeit::db {

/// Opens a plain blocking libpq connection, for the command-line roles (migrate, backup) that
/// never serve HTTP. `application_name` shows in pg_stat_activity. Throws DbUnavailable with a
/// message that never holds the password.
PgConnPtr connect_blocking(const std::string& conninfo, const char* application_name,
                           int connect_timeout_seconds);

/// Runs one statement (with $n parameters) or, without parameters, a whole script; throws
/// DbUnavailable when the connection failed and DbError when the SQL did. `secret` (the
/// password) is scrubbed from messages.
PgResultPtr exec_blocking(PGconn* conn, const char* sql,
                          const std::vector<std::string>& params = {},
                          const std::string& secret = {});

/// The first column of the first row as text ("" for NULL); throws DbError without rows.
std::string scalar_blocking(PGconn* conn, const char* sql,
                            const std::vector<std::string>& params = {},
                            const std::string& secret = {});

/// The text of a diagnostic field (PG_DIAG_*) of a result, or "".
std::string result_field(const PGresult* result, int code);

}  // namespace tmeit::db
