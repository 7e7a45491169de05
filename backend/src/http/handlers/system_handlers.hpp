#pragma once

#include "app/lifecycle.hpp"
#include "db/pool.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

#include <string>

namespace tmeit::http {

/// Health, readiness, version, metrics and the API documentation.
class SystemHandlers {
 public:
  SystemHandlers(db::Pool& pool, const Metrics& metrics, const app::Lifecycle& lifecycle,
                 int required_schema_version);

  /// Liveness: the process answers; checks nothing external.
  asio::awaitable<Response> health(RequestContext& ctx);
  /// Readiness: the DB answers and its schema is new enough, and we are not shutting down.
  asio::awaitable<Response> ready(RequestContext& ctx);
  asio::awaitable<Response> version(RequestContext& ctx);
  asio::awaitable<Response> metrics(RequestContext& ctx);
  asio::awaitable<Response> openapi(RequestContext& ctx);
  asio::awaitable<Response> docs(RequestContext& ctx);

  /// The document is generated from the finished route table, which includes these handlers.
  void set_openapi_document(std::string json) { openapi_json_ = std::move(json); }

 private:
  db::Pool& pool_;
  const Metrics& metrics_;
  const app::Lifecycle& lifecycle_;
  int required_schema_version_;
  std::string openapi_json_;
};

}  // namespace tmeit::http
