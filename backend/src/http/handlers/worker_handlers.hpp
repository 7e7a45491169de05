#pragma once

#include "db/pool.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

#include <vector>

namespace tmeit::http {

/// The probes of `tmeit worker`: liveness and Prometheus metrics.
class WorkerHandlers {
 public:
  /// `metrics` carries the worker's counters (as a collector); `pool` is for the queue depth.
  WorkerHandlers(db::Pool& pool, const Metrics& metrics);

  /// Liveness: the process answers; checks nothing external.
  asio::awaitable<Response> health(RequestContext& ctx);
  /// The worker's counters plus the queue depth by status, read from the database now.
  asio::awaitable<Response> metrics(RequestContext& ctx);

 private:
  db::Pool& pool_;
  const Metrics& metrics_;
};

/// The worker's route table: GET /health and GET /metrics.
std::vector<Route> worker_routes(WorkerHandlers& handlers);

}  // namespace tmeit::http
