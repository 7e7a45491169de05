#include "app/config.hpp"
#include "app/logger.hpp"
#include "backup/scheduler.hpp"
#include "cli/commands.hpp"
#include "cli/small_server.hpp"
#include "clients/curl_handles.hpp"
#include "clients/smtp_mailer.hpp"
#include "db/pool.hpp"
#include "domain/email_worker_metrics.hpp"
#include "http/handlers/worker_handlers.hpp"
#include "http/metrics.hpp"
#include "http/process_metrics.hpp"
#include "storage/storage_factory.hpp"
#include "worker/email_worker.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <signal.h>
#include <unistd.h>

#include <exception>
#include <memory>
#include <optional>
#include <thread>

namespace tmeit::cli {
namespace {

namespace asio = boost::asio;

worker::EmailWorkerSettings worker_settings(const app::Config& config) {
  worker::EmailWorkerSettings settings;
  settings.max_attempts = config.mail_max_attempts;
  settings.retry_base = config.mail_retry_base;
  settings.poll = config.worker_poll;
  settings.public_url = config.public_url;
  return settings;
}

/// The backups' object store, or nullptr (logged) when backup storage is not configured: mail
/// matters more, and without it `backup run` still copies the ledger every hour.
std::unique_ptr<storage::ObjectStore> backup_store_or_none(const app::Config& config,
                                                           const app::Logger& logger) {
  try {
    return storage::make_backup_store(config);
  } catch (const app::ConfigError& error) {
    logger.warn("no backup storage: erasures reach the ledger with the next backup run",
                {{"problems", error.problems()}});
    return nullptr;
  }
}

}  // namespace

int run_worker(const Args&) {
  const app::Config config = app::load_config_from_environment({});
  app::Logger logger(app::parse_log_level(config.log_level));
  // Before any thread exists: curl_global_init is not thread-safe.
  const clients::CurlGlobal curl;
  clients::SmtpMailer mailer(
      {config.smtp_url, config.smtp_username, config.smtp_password, config.mail_from});

  domain::EmailWorkerMetrics email_metrics;
  http::Metrics metrics;
  metrics.add_collector([&email_metrics](std::string& out) { email_metrics.render(out); });
  http::add_process_metrics(metrics, logger);

  // The sending loop gets a thread and an io_context of its own: libcurl blocks it while a
  // mail goes out, and the probes on the HTTP thread must still answer meanwhile. Each side
  // has its own pool because a pool serves one io_context.
  asio::io_context worker_io(1);
  db::Pool worker_pool(config.database_url, 2, config.db_timeout, logger);
  worker::EmailWorker worker(worker_io, worker_pool, mailer, email_metrics, logger,
                             worker_settings(config));

  db::Pool probe_pool(config.database_url, 1, config.db_timeout, logger);
  http::WorkerHandlers handlers(probe_pool, metrics);
  SmallServer server(config, http::worker_routes(handlers), metrics, logger, config.worker_port);
  logger.info("listening", {{"role", "worker"},
                            {"address", config.bind_address},
                            {"port", server.port()},
                            {"max_attempts", config.mail_max_attempts},
                            {"poll_ms", config.worker_poll.count()}});

  std::exception_ptr failure;
  asio::co_spawn(worker_io, worker.run(), [&failure](std::exception_ptr error) {
    failure = std::move(error);
    // The server owns the signal handling; a dead worker loop must take the process down too.
    if (failure) ::kill(::getpid(), SIGTERM);
  });
  std::thread worker_thread([&worker_io] { worker_io.run(); });
  // Copies erasures to the ledger beside the backups; with TMEIT_BACKUP_SCHEDULE=hourly it
  // also backs up (single-machine installs).
  const auto backup_store = backup_store_or_none(config, logger);
  std::optional<backup::BackupScheduler> backups;
  if (backup_store) backups.emplace(config, *backup_store, logger);
  // Returns after SIGTERM/SIGINT, once the probe connections are drained.
  server.run();
  worker.stop();
  if (backups) backups->stop();
  worker_thread.join();
  if (failure) {
    logger.exception("email worker stopped on an error", failure, {{"coroutine", "email_worker"}});
    return 1;
  }
  logger.info("stopped");
  return 0;
}

}  // namespace tmeit::cli
