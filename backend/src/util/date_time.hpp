#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace tmeit::util {

/// True for "YYYY-MM-DD" naming a real calendar day.
bool is_date(std::string_view text);

/// True for RFC 3339 date-times with seconds and a zone ("Z", or an offset up to ±15:59 as
/// PostgreSQL takes), e.g. "2026-11-26T18:00:00Z" or "2026-11-26T18:00:00.250+01:00".
bool is_date_time(std::string_view text);

/// The instant an RFC 3339 date-time names (any zone), or std::nullopt when it is not one.
std::optional<std::chrono::sys_time<std::chrono::microseconds>> parse_date_time(
    std::string_view text);

/// True for a date-time whose instant lies in the years 1 to 9999 in UTC: what the API stores
/// and writes back unchanged.
bool is_storable_date_time(std::string_view text);

}  // namespace tmeit::util
