#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tmeit::db {

/// A connection string broken into libpq keyword/value pairs, so the pool can resolve the host
/// name itself (libpq's own lookup would block the calling I/O thread).
struct ConnectParams {
  std::vector<std::string> keywords;
  std::vector<std::string> values;
  /// The password given in the string (or PGPASSWORD), only to scrub it from error messages.
  std::string password;
  /// A DNS name libpq would look up itself; empty for sockets, numeric addresses, several hosts
  /// or when hostaddr is already given.
  std::string host_to_resolve;

  /// Sets (or replaces) one keyword.
  void set(const std::string& keyword, const std::string& value);
};

/// Parses a key=value connection string or a postgresql:// URI; "" means "all from the PG*
/// environment variables". Throws DbUnavailable with a message that never echoes the string.
ConnectParams parse_conninfo(const std::string& conninfo);

/// libpq's multi-line error text as one line, with `secret` (if not empty) replaced by "***".
std::string clean_message(std::string_view message, std::string_view secret = {});

}  // namespace tmeit::db
