#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/event.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tmeit::db {

/// Which events a list returns, and which page of them.
struct EventQuery {
  std::vector<std::string> visibilities;  // only events with one of these
  /// true: not over yet (starts or ends now or later), soonest first; false: over, newest
  /// first; std::nullopt: all, by start.
  std::optional<bool> upcoming;
  int limit = 100;
  int offset = 0;
};

/// Events in PostgreSQL. Uuids must be valid uuid text (check with util::is_uuid first):
/// anything else is a database error.
class EventRepository {
 public:
  explicit EventRepository(Pool& pool) : pool_(pool) {}

  boost::asio::awaitable<std::vector<domain::Event>> list(const EventQuery& query);

  /// The event, when it exists and has one of `visibilities`.
  boost::asio::awaitable<std::optional<domain::Event>> find(
      const std::string& uuid, const std::vector<std::string>& visibilities);

  /// Inserts an event and returns it as stored.
  boost::asio::awaitable<domain::Event> create(const domain::Event& event);

  /// find(), with the event's row locked until `transaction` ends: the read-modify-write of a
  /// PATCH cannot interleave with another change of the same event.
  boost::asio::awaitable<std::optional<domain::Event>> lock(
      Transaction& transaction, const std::string& uuid,
      const std::vector<std::string>& visibilities);

  /// Writes every editable column of `event` (found by uuid; lock it first) and returns it as
  /// stored.
  boost::asio::awaitable<domain::Event> update(Transaction& transaction,
                                               const domain::Event& event);

  /// Deletes the event (its banner's row with it) and returns the banner's object keys (empty
  /// when it had none) for the caller to delete; std::nullopt when there was no such event.
  boost::asio::awaitable<std::optional<std::vector<std::string>>> remove(const std::string& uuid);

 private:
  Pool& pool_;
};

/// A PostgreSQL text[] literal of plain words (no quoting needed), e.g. "{public,internal}".
std::string text_array(const std::vector<std::string>& words);

}  // namespace tmeit::db
