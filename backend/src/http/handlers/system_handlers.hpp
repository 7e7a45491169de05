#pragma once

#include "app/lifecycle.hpp"
#include "db/pool.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

#include <chrono>
#include <mutex>
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
  /// What keeps the app from being ready: `problem` is public (the /ready body), `detail` (with
  /// the database's own words) only goes to the log. Both empty when ready.
  struct Readiness {
    std::string problem;
    std::string detail;
  };
  /// The database part of readiness.
  asio::awaitable<Readiness> check_database();
  static Response not_ready(RequestContext& ctx, const std::string& problem,
                            const std::string& detail);

  db::Pool& pool_;
  const Metrics& metrics_;
  const app::Lifecycle& lifecycle_;
  int required_schema_version_;
  std::string openapi_json_;

  // Probes and load balancers may ask many times a second; one database check answers all
  // readiness requests for a short while, so /ready costs the database almost nothing.
  static constexpr std::chrono::milliseconds readiness_max_age{250};
  // While one request refreshes the answer, the others keep using the last one (if it is not
  // older than this) instead of all querying the database at once.
  static constexpr std::chrono::milliseconds readiness_stale_limit{2000};
  std::mutex readiness_mutex_;
  bool readiness_refreshing_ = false;
  std::chrono::steady_clock::time_point readiness_checked_at_{};
  Readiness readiness_{"not checked yet", {}};
};

}  // namespace tmeit::http
