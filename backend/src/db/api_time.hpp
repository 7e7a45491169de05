#pragma once

/// The SQL expression that renders the timestamptz `column` as the API writes times: UTC with
/// microseconds and "+00:00", the fraction left out when it is zero ("2026-11-26T18:00:00+00:00",
/// "2026-11-26T18:00:00.250000+00:00"). That is exactly what the original's FastAPI wrote
/// (pydantic's datetime.isoformat()), so its clients parse ours, Python's fromisoformat included.
/// A NULL column stays NULL.
#define TMEIT_API_TIME(column)                             \
  "regexp_replace(to_char(" column                         \
  " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), " \
  "'\\.000000$', '') || '+00:00'"
