#include "worker/email_worker.hpp"

#include "db/errors.hpp"
#include "db/retention_repository.hpp"
#include "db/throttle_repository.hpp"
#include "domain/email_retry.hpp"
#include "worker/reset_requests.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

namespace tmeit::worker {

namespace asio = boost::asio;
namespace jobs = db::email_jobs;
using Outcome = domain::EmailWorkerMetrics::Outcome;

EmailWorker::EmailWorker(asio::io_context& io, db::Pool& pool, clients::Mailer& mailer,
                         domain::EmailWorkerMetrics& metrics, const app::Logger& logger,
                         EmailWorkerSettings settings)
    : io_(io),
      pool_(pool),
      mailer_(mailer),
      metrics_(metrics),
      logger_(logger),
      settings_(settings),
      timer_(io) {}

void EmailWorker::stop() {
  stopping_.store(true);
  // The timer belongs to the worker's thread; cancelling it there wakes a sleeping run().
  asio::post(io_, [this] { timer_.cancel(); });
}

asio::awaitable<void> EmailWorker::run() {
  auto next_maintenance = std::chrono::steady_clock::now();
  while (!stopping_.load()) {
    if (std::chrono::steady_clock::now() >= next_maintenance) {
      const bool done = co_await survive_database([this] { return housekeeping(); });
      // After a failure (database down), try again soon rather than in an hour.
      next_maintenance = std::chrono::steady_clock::now() +
                         (done ? settings_.maintenance_interval : std::chrono::minutes(1));
    }
    const bool more_requests =
        co_await survive_database([this] { return process_reset_requests(); });
    const bool more =
        co_await survive_database([this] { return claim_and_deliver(); }) || more_requests;
    // A full batch means more may be due: go on at once instead of sleeping.
    if (!more && !stopping_.load()) co_await pause(settings_.poll);
  }
}

asio::awaitable<bool> EmailWorker::survive_database(
    const std::function<asio::awaitable<bool>()>& step) {
  try {
    const bool result = co_await step();
    if (!database_ok_) logger_.info("email worker: database usable again");
    database_ok_ = true;
    co_return result;
  } catch (const db::DbUnavailable& error) {
    note_database(error.what());
  } catch (const db::DbError& error) {
    note_database(error.what());
  }
  co_return false;
}

asio::awaitable<bool> EmailWorker::claim_and_deliver() {
  auto claimed = co_await jobs::claim_due(pool_, settings_.batch, settings_.lease);
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    if (stopping_.load()) {
      // Hand the rest back so another worker sends them now, not after the lease.
      for (std::size_t j = i; j < claimed.size(); ++j) co_await jobs::release(pool_, claimed[j]);
      co_return false;
    }
    co_await deliver(claimed[i]);
  }
  co_return claimed.size() == settings_.batch;
}

asio::awaitable<void> EmailWorker::deliver(const jobs::EmailJob& job) {
  if (job.attempts > static_cast<std::int64_t>(settings_.max_attempts)) {
    // Its last attempt's worker stopped before recording the outcome; the lease brought it back.
    const std::string error = "no outcome recorded for the last attempt";
    co_await record_failure(job, error, 0);
    co_return;
  }
  const auto started = std::chrono::steady_clock::now();
  std::string error;
  bool permanent = false;
  try {
    mailer_.send(job.email);
  } catch (const clients::MailError& failure) {
    error = failure.what();
    permanent = failure.permanent();
  } catch (const std::exception& failure) {
    // Not a MailError: the mailer broke in a way nobody planned for. Retried all the same.
    error = failure.what();
    logger_.exception("email worker: unexpected error from the mailer",
                      {{"job_id", job.id}, {"error", error}});
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!error.empty()) {
    co_await record_failure(job, error, seconds, permanent);
    co_return;
  }
  const bool recorded = co_await record_sent(job);
  metrics_.observe(Outcome::sent, seconds);
  // The id and the attempt only: recipients and bodies are personal data.
  logger_.info("email sent", {{"job_id", job.id}, {"attempt", job.attempts}, {"seconds", seconds}});
  if (!recorded) {
    logger_.warn("email sent after its lease ran out; another attempt may send it again",
                 {{"job_id", job.id}, {"attempt", job.attempts}});
  }
}

asio::awaitable<bool> EmailWorker::record_sent(const jobs::EmailJob& job) {
  // The mail is out: losing this update would send it again after the lease, so a database
  // hiccup here is waited out for a while instead of giving up at once.
  constexpr int tries = 10;
  for (int attempt = 1;; ++attempt) {
    try {
      const bool recorded = co_await jobs::mark_sent(pool_, job);
      co_return recorded;
    } catch (const db::DbUnavailable& error) {
      if (attempt == tries) throw;
      note_database(error.what());
    }
    // Its own timer: stop() cancels the poll timer, and shutting down is no reason to hurry.
    asio::steady_timer wait(io_, std::chrono::seconds(1));
    boost::system::error_code ignored;
    co_await wait.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

asio::awaitable<void> EmailWorker::record_failure(const jobs::EmailJob& job,
                                                  const std::string& error, double seconds,
                                                  bool permanent) {
  if (permanent || job.attempts >= static_cast<std::int64_t>(settings_.max_attempts)) {
    co_await jobs::mark_failed(pool_, job, error);
    metrics_.observe(Outcome::failed, seconds);
    logger_.error("email failed: giving up",
                  {{"job_id", job.id}, {"attempts", job.attempts}, {"error", error}});
    co_return;
  }
  const auto delay = domain::retry_delay(job.attempts, settings_.retry_base);
  co_await jobs::mark_retry(pool_, job, error, delay);
  metrics_.observe(Outcome::retried, seconds);
  logger_.warn("email not sent: will retry", {{"job_id", job.id},
                                              {"attempt", job.attempts},
                                              {"retry_in_ms", delay.count()},
                                              {"error", error}});
}

asio::awaitable<bool> EmailWorker::process_reset_requests() {
  const auto handled = co_await worker::process_reset_requests(pool_, settings_.public_url,
                                                               settings_.reset_requests_per_round);
  co_return handled == settings_.reset_requests_per_round;
}

asio::awaitable<bool> EmailWorker::housekeeping() {
  const auto ips = co_await db::retention::forget_old_sign_up_ips(pool_);
  const auto mail = co_await db::retention::delete_old_mail(pool_);
  const auto resets = co_await db::retention::delete_old_password_resets(pool_);
  const auto throttles = co_await db::throttles::forget_expired(pool_);
  if (ips + mail + resets + throttles > 0) {
    logger_.info("erased data past its retention", {{"sign_up_ips", ips},
                                                    {"mail", mail},
                                                    {"password_resets", resets},
                                                    {"throttle_counters", throttles}});
  }
  co_return true;
}

asio::awaitable<void> EmailWorker::pause(std::chrono::milliseconds duration) {
  timer_.expires_after(duration);
  boost::system::error_code ignored;  // cancelled by stop(): run() then sees stopping_
  co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
}

void EmailWorker::note_database(const char* error) {
  if (database_ok_) logger_.warn("email worker: database error; retrying", {{"error", error}});
  database_ok_ = false;
}

}  // namespace tmeit::worker
