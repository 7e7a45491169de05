#pragma once

#include "app/config.hpp"
#include "app/lifecycle.hpp"
#include "app/logger.hpp"
#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"

#include <cstdint>
#include <thread>
#include <vector>

namespace tmeit::cli {

/// A one-thread HTTP server for a short route table, on a port of its own: the worker's probes,
/// monitor-health, and `serve`'s /metrics (apart from the public port, so neither the Service
/// the Ingress uses nor the Ingress can expose it). It drains on SIGTERM/SIGINT like every
/// http::Server, with the limits and timeouts of `config`.
class SmallServer {
 public:
  SmallServer(const app::Config& config, std::vector<http::Route> routes, http::Metrics& metrics,
              const app::Logger& logger, std::uint16_t port);
  ~SmallServer();
  SmallServer(const SmallServer&) = delete;
  SmallServer& operator=(const SmallServer&) = delete;

  /// The port it listens on (useful when asked for port 0).
  std::uint16_t port() const { return port_; }

  /// Serves on the calling thread until SIGTERM/SIGINT and the drain are over.
  void run() { server_.run(); }
  /// Serves on a thread of its own (joined by the destructor).
  void start();

 private:
  http::Router router_;
  http::Dispatcher dispatcher_;
  http::ClientAddressResolver client_addresses_;
  http::SecurityHeaders security_headers_;
  app::Lifecycle lifecycle_;
  http::SessionServices services_;
  http::Server server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

}  // namespace tmeit::cli
