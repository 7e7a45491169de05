#include "http/handlers/worker_handlers.hpp"

#include "db/email_repository.hpp"
#include "db/errors.hpp"
#include "domain/email_worker_metrics.hpp"
#include "http/errors.hpp"

namespace tmeit::http {

WorkerHandlers::WorkerHandlers(db::Pool& pool, const Metrics& metrics)
    : pool_(pool), metrics_(metrics) {}

asio::awaitable<Response> WorkerHandlers::health(RequestContext& ctx) {
  co_return json_response(ctx.request, Status::ok, {{"healthy", true}});
}

asio::awaitable<Response> WorkerHandlers::metrics(RequestContext& ctx) {
  std::string body = metrics_.render();
  try {
    const auto counts = co_await db::email_jobs::count_by_status(pool_);
    domain::render_queue_depth(body, counts);
    const auto oldest = co_await db::email_jobs::oldest_pending_age_seconds(pool_);
    domain::render_oldest_pending(body, oldest);
  } catch (const db::DbUnavailable& error) {
    // The counters are still worth scraping; the missing gauge shows the database trouble.
    ctx.error = std::string("queue depth: ") + error.what();
  } catch (const db::DbError& error) {
    ctx.error = std::string("queue depth: ") + error.what();
  }
  Response response{Status::ok, ctx.request.version()};
  response.set(bhttp::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
  response.set(bhttp::field::cache_control, "no-store");
  response.keep_alive(ctx.request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  co_return response;
}

std::vector<Route> worker_routes(WorkerHandlers& handlers) {
  return {{.method = bhttp::verb::get,
           .path = "/health",
           .operation_id = "worker_health",
           .summary = "Liveness",
           .tag = "worker",
           .handler = [&handlers](RequestContext& ctx) { return handlers.health(ctx); }},
          {.method = bhttp::verb::get,
           .path = "/metrics",
           .operation_id = "worker_metrics",
           .summary = "Prometheus metrics",
           .tag = "worker",
           .handler = [&handlers](RequestContext& ctx) { return handlers.metrics(ctx); }}};
}

}  // namespace tmeit::http
