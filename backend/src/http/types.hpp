#pragma once

// <utility> before Asio: Boost 1.74's coroutine support needs it with g++ 12.
#include <utility>

#include "domain/roles.hpp"
#include "http/response_fields.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;

using Request = bhttp::request<bhttp::string_body>;
// Beast's response with our fields: they also carry the security headers as one prebuilt block.
using Response = bhttp::response<bhttp::string_body, ResponseFields>;
using Status = bhttp::status;
using PathParams = std::map<std::string, std::string, std::less<>>;

/// What a handler gets besides the request: values the server worked out for it.
struct RequestContext {
  const Request& request;
  std::string request_id;
  std::string client_address;  // after X-Forwarded-For from trusted proxies
  PathParams path_params;
  std::string_view route;  // the route pattern, e.g. "/api/v1/members/{short_uuid}"
  std::string error;       // why a 5xx happened, for the log line; never sent to the client
  std::optional<domain::Viewer> viewer;  // the logged-in member, when the route looks
};

}  // namespace tmeit::http
