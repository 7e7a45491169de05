#pragma once

#include <string>
#include <string_view>

/// The SQL expression that renders the timestamptz `column` as the API writes times: UTC with
/// microseconds and "+00:00", the fraction left out when it is zero ("2026-11-26T18:00:00+00:00",
/// "2026-11-26T18:00:00.250000+00:00"). That is exactly what the original's FastAPI wrote
/// (pydantic's datetime.isoformat()), so its clients parse ours, Python's fromisoformat included.
/// A NULL column stays NULL.
#define TMEIT_API_TIME(column)                             \
  "regexp_replace(to_char(" column                         \
  " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), " \
  "'\\.000000$', '') || '+00:00'"

namespace tmeit::db {

/// TMEIT_API_TIME for a column named at run time (the members columns come from their table).
inline std::string api_time(std::string_view column) {
  std::string sql = TMEIT_API_TIME("@");
  sql.replace(sql.find('@'), 1, column);
  return sql;
}

}  // namespace tmeit::db
