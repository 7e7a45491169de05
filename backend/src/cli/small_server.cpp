#include "cli/small_server.hpp"

namespace tmeit::cli {

SmallServer::SmallServer(const app::Config& config, std::vector<http::Route> routes,
                         http::Metrics& metrics, const app::Logger& logger, std::uint16_t port)
    : router_(std::move(routes)),
      dispatcher_(router_, nullptr),
      client_addresses_(config.trusted_proxies),
      security_headers_(config.public_url.starts_with("https://")),
      services_{{config.max_body_bytes, config.max_header_bytes, config.request_timeout,
                 config.idle_timeout},
                dispatcher_,
                client_addresses_,
                metrics,
                logger,
                lifecycle_,
                security_headers_},
      server_(1, services_, lifecycle_, config.shutdown_grace) {
  metrics.set_known_routes(dispatcher_.known_routes());
  port_ = server_.listen(config.bind_address, port);
}

SmallServer::~SmallServer() {
  if (thread_.joinable()) thread_.join();
}

void SmallServer::start() {
  thread_ = std::thread([this] { server_.run(); });
}

}  // namespace tmeit::cli
