#pragma once

#include "http/router.hpp"
#include "http/types.hpp"

namespace tmeit::http {

class StaticFiles;

/// Turns one parsed request into a response: route table first, then the static files, then a
/// JSON 404/405. Every exception becomes a JSON error here; the cause of a 5xx goes into
/// ctx.error for the session's log line, never to the client.
class Dispatcher {
 public:
  /// `static_files` may be null when the server only serves the API.
  Dispatcher(const Router& router, const StaticFiles* static_files);

  /// Sets ctx.route to the label used in logs and metrics.
  asio::awaitable<Response> dispatch(RequestContext& ctx) const;

 private:
  asio::awaitable<Response> route(RequestContext& ctx) const;

  const Router& router_;
  const StaticFiles* static_files_;
};

}  // namespace tmeit::http
