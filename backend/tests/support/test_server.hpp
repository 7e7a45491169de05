#pragma once

#include <cstdint>
#include <string>

#include "support/http_client.hpp"
#include "support/postgres.hpp"
#include "support/server_process.hpp"
#include "support/subprocess.hpp"

namespace tmeit::test {

/// The signing key every test server gets; long enough for the config check.
inline constexpr const char* test_jwt_secret = "integration-test-jwt-secret-0123456789abcdef";

/// The environment `tmeit serve` needs against `database_url`: loopback, a free port (PORT=0),
/// the repo's migrations, a JWT secret; `overrides` win.
Environment server_environment(const std::string& database_url, const Environment& overrides = {});

/// Runs `tmeit migrate up` against the database; throws with the output when it fails.
void migrate_up(const std::string& database_url);

struct ServerSetup {
  bool migrate = true;     ///< run `migrate up` on the fresh database before starting
  std::string static_dir;  ///< TMEIT_STATIC_DIR, when not empty
  Environment env;         ///< more variables, or overrides of the defaults
};

/// A fresh database of its own on the shared cluster plus a `tmeit serve` running against it.
class TestServer {
 public:
  explicit TestServer(const ServerSetup& setup = {});

  ServerProcess& process() { return process_; }
  std::uint16_t port() const { return process_.port(); }
  /// The port of /metrics (TMEIT_METRICS_PORT), from the "listening" line.
  std::uint16_t metrics_port() const {
    return process_.listening_line().value("metrics_port", std::uint16_t{0});
  }
  const TestDatabase& database() const { return database_; }

  Response get(std::string_view target, const Headers& headers = {}) {
    return tmeit::test::get(port(), target, headers);
  }
  /// GET /metrics on the metrics port (never on the public one).
  Response get_metrics() { return tmeit::test::get(metrics_port(), "/metrics"); }
  Connection connect() { return Connection(port()); }

 private:
  TestDatabase database_;
  ServerProcess process_;
};

/// Whether the server process still runs and answers GET /health with 200; used after every
/// abuse test, since bad input must never take the process down.
bool answers_health(ServerProcess& server);

}  // namespace tmeit::test
