#pragma once

#include "http/router.hpp"
#include "http/types.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmeit::http {

/// Route labels (logs, metrics) of requests no route of the table answers.
namespace route_labels {
inline constexpr std::string_view method_not_allowed = "method_not_allowed";
inline constexpr std::string_view static_files = "static";
inline constexpr std::string_view not_found = "not_found";
/// Requests the session could not read or refused before dispatch (400, 408, 413, 431, ...).
inline constexpr std::string_view invalid = "invalid";
}  // namespace route_labels

class Authenticator;
class StaticFiles;

/// Turns one parsed request into a response: route table first, then the static files, then a
/// JSON 404/405. Every exception becomes a JSON error here; the cause of a 5xx goes into
/// ctx.error for the session's log line, never to the client.
class Dispatcher {
 public:
  /// `static_files` may be null when the server only serves the API; `authenticator` may be
  /// null when no route needs a login (the worker's probe server).
  Dispatcher(const Router& router, const StaticFiles* static_files,
             const Authenticator* authenticator = nullptr);

  /// Sets ctx.route to the label used in logs and metrics.
  asio::awaitable<Response> dispatch(RequestContext& ctx) const;

  /// The largest body the route of `head` (a request whose header is read) takes: its own
  /// limit, or `server_limit` when it sets none or no route matches.
  std::size_t body_limit(const Request& head, std::size_t server_limit) const;

  /// Every label dispatch() or the session can set: the table's route patterns and the
  /// route_labels above. Metrics accept these and fold anything else into one value.
  std::vector<std::string> known_routes() const;

 private:
  asio::awaitable<Response> route(RequestContext& ctx) const;
  /// Finds the viewer (when the route looks) and refuses callers the route does not admit.
  asio::awaitable<void> admit(const Route& route, RequestContext& ctx) const;
  /// A 307 to the API route that `path` names but for a trailing slash, as FastAPI answers
  /// (clients written for the original call e.g. GET /api/v1/members); std::nullopt otherwise.
  std::optional<Response> slash_redirect(const Request& request, std::string_view path) const;

  const Router& router_;
  const StaticFiles* static_files_;
  const Authenticator* authenticator_;
};

}  // namespace tmeit::http
