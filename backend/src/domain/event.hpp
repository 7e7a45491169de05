#pragma once

#include "domain/photo.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace tmeit::domain {

/// An event as stored. Timestamps are RFC 3339 text; the database hands them out in UTC.
struct Event {
  std::string uuid;
  std::string title;
  std::string description;
  std::string location;
  std::string event_start;
  std::optional<std::string> event_end;
  std::string visibility = "internal";
  /// The banner's stored sizes, when the event has one (event_banners).
  std::optional<PhotoKeys> banner;
  std::string created_at;
  std::string updated_at;
  /// Counted up by the database on every change; the API's ETag.
  std::int64_t version = 0;
};

}  // namespace tmeit::domain
