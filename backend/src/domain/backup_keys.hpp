#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

/// Names of backup objects. A backup taken at T is
/// `backups/YYYY/MM/DD/tmeit-YYYYMMDDTHHMMSSZ.dump.age` (UTC); the time in the key is what
/// retention goes by (object timestamps may be skewed or rewritten by the provider).
namespace tmeit::domain::backup_keys {

using Seconds = std::chrono::sys_seconds;

/// Every backup object lives under this prefix.
inline constexpr std::string_view prefix = "backups/";
/// The erasure ledger: one small object per erased person, under this prefix.
inline constexpr std::string_view ledger_prefix = "backups/erasures/";
/// Appended to a backup's key for its manifest, written only once the backup was read back
/// and verified: a backup without one does not count.
inline constexpr std::string_view manifest_suffix = ".manifest.json";

/// The key of a backup taken at `taken`.
std::string backup_key(Seconds taken);

/// The time a backup key names; std::nullopt for anything that is not exactly a backup key
/// (a manifest, a ledger entry, a wrong date in the folders).
std::optional<Seconds> parse_backup_key(std::string_view key);

/// "2026-11-28T06:30:00Z" (the form --now takes and the tools print).
std::string format_time(Seconds time);
/// Parses "YYYY-MM-DDTHH:MM:SSZ" (seconds required, UTC only); std::nullopt otherwise.
std::optional<Seconds> parse_time(std::string_view text);

}  // namespace tmeit::domain::backup_keys
