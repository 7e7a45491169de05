#pragma once

#include "http/types.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tmeit::http {

/// Who may call a route; the dispatcher enforces it and the OpenAPI document shows it.
/// `anyone`: no login looked at. `optional_login`: anyone; the handler sees the viewer of a
/// valid bearer token, and a token that is no longer valid counts as none. The rest need a
/// login: any member, a marshal or master, or a master.
enum class Access { anyone, optional_login, member, marshal, master };

/// One documented response of a route: its description and JSON schema (null: no body).
struct ResponseDoc {
  std::string description;
  nlohmann::json schema = nullptr;
  std::string content_type = "application/json";
};

using Handler = std::function<asio::awaitable<Response>(RequestContext&)>;

/// One entry of the route table: everything the server and the OpenAPI document know of it.
struct Route {
  bhttp::verb method;
  std::string path;  // pattern; "{name}" segments are path parameters
  std::string operation_id;
  std::string summary;
  std::string tag;
  Access access = Access::anyone;
  Handler handler;
  nlohmann::json request_schema = nullptr;
  std::map<int, ResponseDoc> responses;
  std::string request_content_type = "application/json";
  nlohmann::json query_parameters = nullptr;  // OpenAPI parameter objects ("in": "query")
  bool deprecated = false;                    // kept only to tell old clients it is gone (410)
  /// The largest body the route reads; 0: the server's limit (TMEIT_MAX_BODY_BYTES). Uploads
  /// set more; a declared Content-Length over it is refused (413) before the body is read.
  std::size_t max_body_bytes = 0;
};

/// The outcome of looking a request up in the table.
struct RouteMatch {
  const Route* route = nullptr;  // set when the path and method match
  PathParams params;
  std::vector<bhttp::verb> allowed;  // set when only the path matches (405)
};

/// Matches request paths against the route table, segment by segment.
class Router {
 public:
  explicit Router(std::vector<Route> routes);

  RouteMatch match(bhttp::verb method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{x}" marks a parameter
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

/// The path of a request target without its query string.
std::string_view target_path(std::string_view target);

}  // namespace tmeit::http
