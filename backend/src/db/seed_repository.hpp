#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

namespace tmeit::db {

/// A member row to insert when seeding a fresh database.
struct SeedMember {
  std::string login_email;
  std::string role;
  std::string first_name;
  std::optional<std::string> nickname;
  std::string last_name;
  std::optional<std::string> phone;
  std::optional<std::string> password_hash;  // NULL: the member sets one by password reset
};

/// A demo event; times are ISO 8601 text relative to now, e.g. "now() + 3 days" is computed
/// by the caller as an interval string ("3 days").
struct SeedEvent {
  std::string title;
  std::string description;
  std::string location;
  std::string starts_in;  // interval from now, e.g. "5 days 18 hours"
  std::string lasts;      // interval, e.g. "6 hours"
  std::string visibility;
};

/// Writes the embedded run's first account and demo content.
class SeedRepository {
 public:
  explicit SeedRepository(Pool& pool) : pool_(pool) {}

  boost::asio::awaitable<bool> member_exists(const std::string& login_email);
  /// True when the database holds no events and no member but `except_email`.
  boost::asio::awaitable<bool> is_empty_except(const std::string& except_email);
  boost::asio::awaitable<void> insert_member(const SeedMember& member);
  boost::asio::awaitable<void> insert_event(const SeedEvent& event);

 private:
  Pool& pool_;
};

}  // namespace tmeit::db
