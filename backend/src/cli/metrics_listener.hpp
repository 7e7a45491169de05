#pragma once

#include "app/config.hpp"
#include "app/lifecycle.hpp"
#include "app/logger.hpp"
#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "http/handlers/system_handlers.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

#include <cstdint>
#include <thread>

namespace tmeit::cli {

/// `GET /metrics` of `tmeit serve` on a port of its own (TMEIT_METRICS_PORT), apart from the
/// public one, so neither the Service the Ingress uses nor the Ingress can expose it. One I/O
/// thread; it drains on SIGTERM/SIGINT like the main server.
class MetricsListener {
 public:
  MetricsListener(const app::Config& config, http::SystemHandlers& system, http::Metrics& metrics,
                  const app::Logger& logger);
  ~MetricsListener();
  MetricsListener(const MetricsListener&) = delete;
  MetricsListener& operator=(const MetricsListener&) = delete;

  /// The port it listens on (useful when asked for port 0).
  std::uint16_t port() const { return port_; }

  /// Serves on a thread of its own until SIGTERM/SIGINT.
  void start();

 private:
  http::Router router_;
  http::Dispatcher dispatcher_;
  http::ClientAddressResolver client_addresses_;
  app::Lifecycle lifecycle_;
  http::SessionServices services_;
  http::Server server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

}  // namespace tmeit::cli
