#pragma once

#include "domain/photo.hpp"
#include "domain/roles.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace tmeit::domain {

/// A member as stored. Dates are ISO 8601 text ("2026-11-26"), timestamps RFC 3339 in UTC.
struct Member {
  std::string uuid;
  std::string short_uuid;
  std::string login_email;
  Role role = Role::prao;
  std::string first_name;
  std::optional<std::string> nickname;
  std::string last_name;
  std::optional<std::string> phone;
  bool drivers_license = false;
  std::optional<std::string> stad;
  std::optional<std::string> fest;
  std::optional<std::string> liquor_permit;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> password_hash;  // never leaves the server
  /// Tokens issued before this (milliseconds since the epoch) are refused.
  std::optional<std::int64_t> tokens_valid_after_ms;
  /// Counted up by the database on every change; the API's ETag.
  std::int64_t version = 0;
  /// The primary photo of their gallery, when they have chosen one.
  std::optional<PhotoRef> photo;
};

}  // namespace tmeit::domain
