#include "cli/metrics_listener.hpp"

#include "http/route_helpers.hpp"

namespace tmeit::cli {
namespace {

std::vector<http::Route> metrics_routes(http::SystemHandlers& system) {
  http::Route metrics{bhttp::verb::get, "/metrics", "metrics", "Prometheus metrics", "system"};
  metrics.handler = http::bind(system, &http::SystemHandlers::metrics);
  std::vector<http::Route> routes;
  routes.push_back(std::move(metrics));
  return routes;
}

}  // namespace

MetricsListener::MetricsListener(const app::Config& config, http::SystemHandlers& system,
                                 http::Metrics& metrics, const app::Logger& logger)
    : router_(metrics_routes(system)),
      dispatcher_(router_, nullptr),
      client_addresses_(config.trusted_proxies),
      services_{{config.max_body_bytes, config.max_header_bytes, config.request_timeout,
                 config.idle_timeout},
                dispatcher_,
                client_addresses_,
                metrics,
                logger,
                lifecycle_},
      server_(1, services_, lifecycle_, config.shutdown_grace) {
  port_ = server_.listen(config.bind_address, config.metrics_port);
}

MetricsListener::~MetricsListener() {
  if (thread_.joinable()) thread_.join();
}

void MetricsListener::start() {
  thread_ = std::thread([this] { server_.run(); });
}

}  // namespace tmeit::cli
