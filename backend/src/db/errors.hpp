#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace tmeit::db {

/// The database cannot be reached right now: cannot connect, connection lost, timed out, or the
/// pool is exhausted. The server answers 503; the caller may retry later. Messages never hold
/// passwords or the connection string.
class DbUnavailable : public std::runtime_error {
 public:
  explicit DbUnavailable(const std::string& message) : std::runtime_error(message) {}
};

/// A statement failed on a healthy connection (constraint violation, syntax error, ...).
/// The connection stays usable.
class DbError : public std::runtime_error {
 public:
  DbError(const std::string& message, std::string sqlstate, std::string constraint = {})
      : std::runtime_error(message),
        sqlstate_(std::move(sqlstate)),
        constraint_(std::move(constraint)) {}

  /// The five-character SQLSTATE, e.g. "23505" for a unique violation; empty when unknown.
  const std::string& sqlstate() const { return sqlstate_; }

  /// The violated constraint or unique index (e.g. "members_login_email_key"), when the error
  /// names one; lets a repository tell which field was taken.
  const std::string& constraint() const { return constraint_; }

  /// True for a unique-constraint violation (SQLSTATE 23505).
  bool is_unique_violation() const { return sqlstate_ == "23505"; }
  /// True for a foreign-key violation (SQLSTATE 23503).
  bool is_foreign_key_violation() const { return sqlstate_ == "23503"; }

 private:
  std::string sqlstate_;
  std::string constraint_;
};

}  // namespace tmeit::db
