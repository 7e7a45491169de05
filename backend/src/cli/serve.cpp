#include "app/build_info.hpp"
#include "app/open_files.hpp"
#include "app/process_stats.hpp"
#include "cli/api_components.hpp"
#include "cli/commands.hpp"
#include "http/client_address.hpp"
#include "http/dispatcher.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

#include <optional>
#include <thread>

namespace tmeit::cli {
namespace {

/// Appends one metric family: its HELP and TYPE lines, then its sample lines.
void append_family(std::string& out, const char* name, const char* type, const char* help,
                   const std::string& samples) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  out += samples;
}

std::string sample(const std::string& name_and_labels, const std::string& value) {
  return name_and_labels + " " + value + "\n";
}

/// Pool, process and build facts, appended to /metrics at scrape time.
void add_collectors(http::Metrics& metrics, const db::Pool& pool) {
  metrics.add_collector([&pool](std::string& out) {
    const auto stats = pool.stats();
    append_family(out, "db_pool_connections", "gauge", "Database connections by state.",
                  sample(R"(db_pool_connections{state="in_use"})", std::to_string(stats.in_use)) +
                      sample(R"(db_pool_connections{state="idle"})", std::to_string(stats.idle)));
    append_family(out, "db_pool_max_connections", "gauge", "Most connections the pool opens.",
                  sample("db_pool_max_connections", std::to_string(stats.max)));
    append_family(out, "db_pool_waiting", "gauge", "Requests waiting for a database connection.",
                  sample("db_pool_waiting", std::to_string(stats.waiting)));
  });
  metrics.add_collector([](std::string& out) {
    const auto process = app::read_process_stats();
    append_family(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
                  sample("process_resident_memory_bytes", std::to_string(process.resident_bytes)));
    append_family(out, "process_cpu_seconds_total", "counter",
                  "User and system CPU time spent in seconds.",
                  sample("process_cpu_seconds_total", std::to_string(process.cpu_seconds)));
    append_family(out, "process_open_fds", "gauge", "Number of open file descriptors.",
                  sample("process_open_fds", std::to_string(process.open_fds)));
    append_family(out, "tmeit_build_info", "gauge", "Version of the running binary.",
                  sample(std::string(R"(tmeit_build_info{version=")") + app::build_info::version +
                             R"(",schema_version=")" +
                             std::to_string(app::build_info::schema_version) + "\"}",
                         "1"));
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
  add_collectors(api.metrics, api.pool);
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
  logger.info("listening", {{"address", config.bind_address},
                            {"port", port},
                            {"version", app::build_info::version},
                            {"io_threads", threads},
                            {"max_connections", max_connections},
                            {"static_dir", config.static_dir}});
  server.run();
  logger.info("stopped");
  return 0;
}

}  // namespace tmeit::cli
