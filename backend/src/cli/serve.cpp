#include "app/build_info.hpp"
#include "app/open_files.hpp"
#include "cli/api_components.hpp"
#include "cli/commands.hpp"
#include "cli/small_server.hpp"
#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "http/process_metrics.hpp"
#include "http/route_helpers.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

#include <optional>
#include <thread>

namespace tmeit::cli {
namespace {

/// Database pool, password and photo queue facts, appended to /metrics at scrape time.
void add_pool_metrics(http::Metrics& metrics, const db::Pool& pool,
                      const app::BlockingPool& passwords, const app::BlockingPool& photos) {
  metrics.add_collector([&pool, &passwords, &photos](std::string& out) {
    using http::append_family;
    using http::sample;
    const auto stats = pool.stats();
    append_family(out, "db_pool_connections", "gauge", "Database connections by state.",
                  sample(R"(db_pool_connections{state="in_use"})", std::to_string(stats.in_use)) +
                      sample(R"(db_pool_connections{state="idle"})", std::to_string(stats.idle)));
    append_family(out, "db_pool_max_connections", "gauge", "Most connections the pool opens.",
                  sample("db_pool_max_connections", std::to_string(stats.max)));
    append_family(out, "db_pool_waiting", "gauge", "Requests waiting for a database connection.",
                  sample("db_pool_waiting", std::to_string(stats.waiting)));
    append_family(out, "password_queue_jobs", "gauge",
                  "Password hashes waiting for a thread (past TMEIT_PASSWORD_QUEUE: 503).",
                  sample("password_queue_jobs", std::to_string(passwords.queued())));
    append_family(out, "password_threads", "gauge", "Threads hashing passwords.",
                  sample("password_threads", std::to_string(passwords.threads())));
    append_family(out, "photo_queue_jobs", "gauge",
                  "Photo uploads waiting for a thread (past TMEIT_PHOTO_QUEUE: 503).",
                  sample("photo_queue_jobs", std::to_string(photos.queued())));
  });
}

}  // namespace

int run_serve(const Args&) {
  const app::Config config = app::load_config_from_environment({.jwt_secret = true});
  app::Logger logger(app::parse_log_level(config.log_level));
  logger.write_in_background();
  const std::size_t threads = config.io_threads != 0
                                  ? config.io_threads
                                  : std::max(1u, std::thread::hardware_concurrency());

  ApiComponents api(config, logger);
  add_pool_metrics(api.metrics, api.pool, api.password_pool, api.photo_pool);
  http::add_process_metrics(api.metrics, logger);
  std::optional<http::StaticFiles> static_files;
  if (!config.static_dir.empty()) static_files.emplace(config.static_dir);
  const http::Dispatcher dispatcher(api.router, static_files ? &*static_files : nullptr,
                                    &api.authenticator);
  api.metrics.set_known_routes(dispatcher.known_routes());
  const http::ClientAddressResolver client_addresses(config.trusted_proxies);
  const http::SecurityHeaders security_headers(config.public_url.starts_with("https://"));
  const std::size_t max_connections =
      app::connections_within(app::raise_open_files_limit(), config.max_connections);
  if (max_connections < config.max_connections) {
    logger.warn("TMEIT_MAX_CONNECTIONS lowered to fit the open files limit",
                {{"max_connections", max_connections}});
  }
  const http::SessionServices services{
      {config.max_body_bytes, config.max_header_bytes, config.request_timeout, config.idle_timeout,
       max_connections},
      dispatcher,
      client_addresses,
      api.metrics,
      logger,
      api.lifecycle,
      security_headers};

  http::Server server(threads, services, api.lifecycle, config.shutdown_grace);
  const auto port = server.listen(config.bind_address, config.port);
  // /metrics on a port of its own: the public port (Service, Ingress) never serves it.
  http::Route metrics_route{.method = http::bhttp::verb::get,
                            .path = "/metrics",
                            .operation_id = "metrics",
                            .summary = "Prometheus metrics",
                            .tag = "system",
                            .handler = http::bind(api.system, &http::SystemHandlers::metrics)};
  SmallServer metrics_server(config, {std::move(metrics_route)}, api.metrics, logger,
                             config.metrics_port);
  metrics_server.start();
  logger.info("listening", {{"address", config.bind_address},
                            {"port", port},
                            {"metrics_port", metrics_server.port()},
                            {"version", app::build_info::version},
                            {"io_threads", threads},
                            {"max_connections", max_connections},
                            {"static_dir", config.static_dir}});
  server.run();
  // Jobs still in hand (passwords, photos) hold work guards on the server's io_contexts: finish
  // them while those exist (the server is destroyed before `api`, whose pools would join them
  // too late).
  api.stop_pools();
  logger.info("stopped");
  return 0;
}

}  // namespace tmeit::cli
