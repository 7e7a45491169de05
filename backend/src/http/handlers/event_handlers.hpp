#pragma once

#include "db/event_repository.hpp"
#include "http/photo_objects.hpp"
#include "http/single_flight.hpp"
#include "http/types.hpp"

#include <chrono>

namespace tmeit::http {

/// Club events. Who sees an event follows its visibility (domain/event_visibility); an event
/// the caller may not see is a 404, as if it did not exist.
class EventHandlers {
 public:
  /// `max_wait` bounds how long a list request waits for one running before it (the database
  /// timeout is a good value).
  /// `photo_objects` deletes a deleted event's banner.
  EventHandlers(db::Pool& pool, db::EventRepository& events, PhotoObjects& photo_objects,
                std::chrono::milliseconds max_wait)
      : pool_(pool), events_(events), photo_objects_(photo_objects), lists_(max_wait) {}

  asio::awaitable<Response> list_events(RequestContext& ctx);
  asio::awaitable<Response> get_event(RequestContext& ctx);
  asio::awaitable<Response> create_event(RequestContext& ctx);
  asio::awaitable<Response> patch_event(RequestContext& ctx);
  asio::awaitable<Response> delete_event(RequestContext& ctx);

 private:
  /// The event in the path, when the caller may see it; otherwise NotFound.
  asio::awaitable<domain::Event> find_or_404(const RequestContext& ctx);
  /// The list as JSON text.
  asio::awaitable<std::string> render_list(const db::EventQuery& query);

  db::Pool& pool_;
  db::EventRepository& events_;
  PhotoObjects& photo_objects_;
  SingleFlight lists_;  // list requests that queue up together share one query and rendering
};

/// The list query of GET /api/v1/events/ from the request target: `upcoming` (true|false),
/// `limit` (1-500, default 100), `offset` (≥ 0). A bad value is a 422 naming the parameter.
db::EventQuery event_query(std::string_view target);

}  // namespace tmeit::http
