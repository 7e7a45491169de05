#include "http/handlers/event_handlers.hpp"

#include "domain/event_fields.hpp"
#include "domain/event_visibility.hpp"
#include "http/errors.hpp"
#include "http/request_body.hpp"

#include <charconv>
#include <limits>

namespace tmeit::http {
namespace {

constexpr int max_limit = 500;

/// Turns a refused create or PATCH into its error: 400 naming a field that does not exist or
/// may not be set, else 422 with every invalid value.
void throw_problems(const domain::EventPatchProblems& problems) {
  if (problems.unknown_field) {
    const auto& name = *problems.unknown_field;
    throw unknown_field(name, "field '" + name + "' does not exist or may not be set");
  }
  if (!problems.invalid.empty()) throw ValidationError(problems.invalid);
}

/// The whole number `text` names, when it is one within [min, max].
std::optional<int> integer_in(std::string_view text, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

/// Everything an event list depends on: the visibilities its viewer may see and the query.
std::string list_key(const db::EventQuery& query) {
  const char* upcoming = !query.upcoming ? "all" : *query.upcoming ? "upcoming" : "past";
  return db::text_array(query.visibilities) + ' ' + upcoming + ' ' + std::to_string(query.limit) +
         ' ' + std::to_string(query.offset);
}

}  // namespace

db::EventQuery event_query(std::string_view target) {
  db::EventQuery query;
  const auto question = target.find('?');
  auto rest = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    const auto name = pair.substr(0, eq);
    const auto value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (name == "upcoming") {
      if (value != "true" && value != "false")
        throw invalid_field("upcoming", "must be true or false", "query");
      query.upcoming = value == "true";
    } else if (name == "limit") {
      const auto limit = integer_in(value, 1, max_limit);
      if (!limit) throw invalid_field("limit", "must be a whole number from 1 to 500", "query");
      query.limit = *limit;
    } else if (name == "offset") {
      const auto offset = integer_in(value, 0, std::numeric_limits<int>::max());
      if (!offset) throw invalid_field("offset", "must be a whole number, 0 or more", "query");
      query.offset = *offset;
    }
  }
  return query;
}

asio::awaitable<domain::Event> EventHandlers::find_or_404(const RequestContext& ctx) {
  const auto& uuid = ctx.path_params.at("uuid");
  // Not a uuid: no such event, rather than a database error about the text.
  if (!domain::is_uuid(uuid)) throw NotFound("no such event");
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
  co_return json_text_response(ctx.request, Status::ok, domain::event_json(event));
}

asio::awaitable<Response> EventHandlers::create_event(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  domain::EventPatchProblems problems;
  const auto event = domain::event_from_create(body, problems);
  throw_problems(problems);
  auto created = co_await events_.create(*event);
  // 200, not 201: the original answered 200 and its clients test for exactly that.
  co_return json_text_response(ctx.request, Status::ok, domain::event_json(created));
}

asio::awaitable<Response> EventHandlers::patch_event(RequestContext& ctx) {
  const auto body = json_object_body(ctx.request);
  if (body.empty()) throw BadRequest("nothing to change: send the fields to set");
  auto event = co_await find_or_404(ctx);
  throw_problems(domain::apply_event_patch(event, body));
  auto updated = co_await events_.update(event);
  if (!updated) throw NotFound("no such event");
  co_return json_text_response(ctx.request, Status::ok, domain::event_json(*updated));
}

asio::awaitable<Response> EventHandlers::delete_event(RequestContext& ctx) {
  const auto& uuid = ctx.path_params.at("uuid");
  if (!domain::is_uuid(uuid)) throw NotFound("no such event");
  auto removed = co_await events_.remove(uuid);
  if (!removed) throw NotFound("no such event");
  // 200 with a body, as the original answered (its clients read the answer as JSON).
  co_return json_response(ctx.request, Status::ok, deleted_json("uuid", uuid));
}

}  // namespace tmeit::http
