#include "http/handlers/event_handlers.hpp"

#include "db/transaction.hpp"
#include "domain/event_fields.hpp"
#include "domain/event_visibility.hpp"
#include "http/errors.hpp"
#include "http/etag.hpp"
#include "http/paging.hpp"
#include "http/request_body.hpp"
#include "util/uuid.hpp"

namespace tmeit::http {
namespace {

/// Everything an event list depends on: the visibilities its viewer may see and the query.
std::string list_key(const db::EventQuery& query) {
  const char* upcoming = !query.upcoming ? "all" : *query.upcoming ? "upcoming" : "past";
  return db::text_array(query.visibilities) + ' ' + upcoming + ' ' + std::to_string(query.limit) +
         ' ' + std::to_string(query.offset);
}

/// An event in API form with its version as the ETag.
Response event_response(const Request& request, Status status, const domain::Event& event) {
  return with_etag(json_text_response(request, status, domain::event_json(event)),
                   version_etag(event.version));
}

}  // namespace

db::EventQuery event_query(std::string_view target) {
  db::EventQuery query;
  Page page;
  for_each_query_parameter(target, [&](std::string_view name, std::string_view value) {
    if (read_page_parameter(name, value, page) || name != "upcoming") return;
    if (value != "true" && value != "false")
      throw invalid_field("upcoming", "must be true or false", "query");
    query.upcoming = value == "true";
  });
  query.limit = page.limit;
  query.offset = page.offset;
  return query;
}

asio::awaitable<domain::Event> EventHandlers::find_or_404(const RequestContext& ctx) {
  const auto& uuid = ctx.path_params.at("uuid");
  // Not a uuid: no such event, rather than a database error about the text.
  if (!util::is_uuid(uuid)) throw NotFound("no such event");
  auto event = co_await events_.find(uuid, domain::visible_visibilities(ctx.viewer));
  if (!event) throw NotFound("no such event");
  co_return std::move(*event);
}

asio::awaitable<Response> EventHandlers::list_events(RequestContext& ctx) {
  auto query = event_query(ctx.request.target());
  query.visibilities = domain::visible_visibilities(ctx.viewer);
  const auto key = list_key(query);
  const SingleFlight::Render render = [this, &query] { return render_list(query); };
  const auto body = co_await lists_.run(key, render);
  co_return json_text_response(ctx.request, Status::ok, *body);
}

asio::awaitable<std::string> EventHandlers::render_list(const db::EventQuery& query) {
  auto events = co_await events_.list(query);
  co_return util::json_array(events, 512, domain::write_event);
}

asio::awaitable<Response> EventHandlers::get_event(RequestContext& ctx) {
  auto event = co_await find_or_404(ctx);
  co_return event_response(ctx.request, Status::ok, event);
}

asio::awaitable<Response> EventHandlers::create_event(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  domain::Event event;
  throw_problems(domain::event_from_create(body, event));
  auto created = co_await events_.create(event);
  // 200, not 201: the original answered 200 and its clients test for exactly that.
  co_return event_response(ctx.request, Status::ok, created);
}

asio::awaitable<Response> EventHandlers::patch_event(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  if (body.empty()) throw BadRequest("nothing to change: send the fields to set");
  const auto& uuid = ctx.path_params.at("uuid");
  if (!util::is_uuid(uuid)) throw NotFound("no such event");
  // Read, check and write under the row's lock: two PATCHes of one event cannot undo each
  // other's fields, and If-Match compares with what is really there.
  auto transaction = co_await db::Transaction::begin(pool_);
  auto event = co_await events_.lock(transaction, uuid, domain::visible_visibilities(ctx.viewer));
  const std::function<void()> checks = [&] {
    if (!event) throw NotFound("no such event");
    require_if_match(ctx.request, version_etag(event->version));
    throw_problems(domain::apply_event_patch(*event, body));
  };
  co_await transaction.check(checks);
  auto updated = co_await events_.update(transaction, *event);
  co_await transaction.commit();
  co_return event_response(ctx.request, Status::ok, updated);
}

asio::awaitable<Response> EventHandlers::delete_event(RequestContext& ctx) {
  const auto& uuid = ctx.path_params.at("uuid");
  if (!util::is_uuid(uuid)) throw NotFound("no such event");
  auto banner_keys = co_await events_.remove(uuid);
  if (!banner_keys) throw NotFound("no such event");
  co_await photo_objects_.release(std::move(*banner_keys));
  // 200 with a body, as the original answered (its clients read the answer as JSON).
  co_return json_response(ctx.request, Status::ok, deleted_json("uuid", uuid));
}

}  // namespace tmeit::http
