#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "app/logger.hpp"
#include "clients/mailer.hpp"
#include "db/email_repository.hpp"
#include "db/pool.hpp"
#include "domain/email_worker_metrics.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace tmeit::worker {

/// How the worker paces itself; see app::Config for the configurable ones.
struct EmailWorkerSettings {
  std::size_t max_attempts = 8;
  std::chrono::milliseconds retry_base{30000};
  std::chrono::milliseconds poll{1000};
  /// Jobs claimed at once. Small, because the whole batch must be sent within one lease.
  std::size_t batch = 5;
  /// How long a claimed job stays invisible to other workers: longer than `batch` sends at the
  /// mailer's timeout, so a slow but live worker never loses a job to another one.
  std::chrono::milliseconds lease{std::chrono::minutes(5)};
  /// How often data past its retention is erased (db::retention, expired throttle counters).
  std::chrono::milliseconds maintenance_interval{std::chrono::hours(1)};
  /// Base of the links in password reset mail, no trailing slash.
  std::string public_url = "http://localhost:8080";
  /// Password reset requests turned into mail per round, so a flood cannot starve sending.
  std::size_t reset_requests_per_round = 20;
};

/// The loop of `tmeit worker`: turn password reset requests into mail; claim due mail, send it,
/// record the outcome; back off per job; hourly, erase what is past its retention. Runs as one
/// coroutine on its own single-threaded io_context, because sending blocks that thread (libcurl)
/// and must never block an HTTP I/O thread.
class EmailWorker {
 public:
  EmailWorker(boost::asio::io_context& io, db::Pool& pool, clients::Mailer& mailer,
              domain::EmailWorkerMetrics& metrics, const app::Logger& logger,
              EmailWorkerSettings settings);

  /// Works until stop(); a send in progress finishes first, claimed jobs not yet sent are
  /// handed back.
  boost::asio::awaitable<void> run();

  /// Asks run() to return; safe from any thread.
  void stop();

 private:
  /// Runs `step`; database trouble is logged (once per outage) and reads as false.
  boost::asio::awaitable<bool> survive_database(
      const std::function<boost::asio::awaitable<bool>()>& step);
  boost::asio::awaitable<bool> claim_and_deliver();
  boost::asio::awaitable<void> deliver(const db::email_jobs::EmailJob& job);
  boost::asio::awaitable<bool> record_sent(const db::email_jobs::EmailJob& job);
  boost::asio::awaitable<void> record_failure(const db::email_jobs::EmailJob& job,
                                              const std::string& error, double seconds,
                                              bool permanent = false);
  boost::asio::awaitable<bool> process_reset_requests();
  boost::asio::awaitable<bool> housekeeping();
  boost::asio::awaitable<void> pause(std::chrono::milliseconds duration);
  void note_database(const char* error);

  boost::asio::io_context& io_;
  db::Pool& pool_;
  clients::Mailer& mailer_;
  domain::EmailWorkerMetrics& metrics_;
  const app::Logger& logger_;
  EmailWorkerSettings settings_;
  boost::asio::steady_timer timer_;
  std::atomic<bool> stopping_{false};
  bool database_ok_ = true;  // logs database trouble once per outage, not every poll
};

}  // namespace tmeit::worker
