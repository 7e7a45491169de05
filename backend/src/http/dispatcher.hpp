#pragma once

#include "http/router.hpp"
#include "http/types.hpp"

#include <optional>
#include <string_view>

namespace tmeit::http {

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
