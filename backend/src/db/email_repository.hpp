#pragma once

// Asio's coroutine support in Boost 1.74 uses std::exchange without including <utility>.
#include <utility>

#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "domain/email.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

/// The outgoing email queue (table email_jobs). API code enqueues; `tmeit worker` claims, sends
/// and marks. A claim is a lease: it pushes next_attempt_at past the send and counts the attempt,
/// so no other worker sees the job while it is being sent, and a crashed worker's job comes back
/// when the lease runs out. Every mark_* names the attempt it ends (a fencing token), so a worker
/// whose lease ran out cannot overwrite what a later attempt did.
namespace tmeit::db::email_jobs {

/// A claimed job: the mail and the attempt number this claim holds.
struct EmailJob {
  std::int64_t id = 0;
  std::int64_t attempts = 0;  ///< including the attempt this claim makes
  domain::Email email;
};

/// Queues `email` in the caller's transaction (it is sent only if the transaction commits);
/// returns the job id.
boost::asio::awaitable<std::int64_t> enqueue(Transaction& transaction, const domain::Email& email);

/// Queues `email` on its own; returns the job id.
boost::asio::awaitable<std::int64_t> enqueue(Pool& pool, const domain::Email& email);

/// Claims up to `limit` due pending jobs (oldest due first) for `lease`: one statement with
/// FOR UPDATE SKIP LOCKED, so concurrent workers never claim the same job.
boost::asio::awaitable<std::vector<EmailJob>> claim_due(Pool& pool, std::size_t limit,
                                                        std::chrono::milliseconds lease);

/// Marks the claimed attempt delivered; false when the claim was lost (lease ran out).
boost::asio::awaitable<bool> mark_sent(Pool& pool, const EmailJob& job);

/// Schedules the next attempt `delay` from now (database clock) and records `error`.
boost::asio::awaitable<bool> mark_retry(Pool& pool, const EmailJob& job, const std::string& error,
                                        std::chrono::milliseconds delay);

/// Gives up on the job: status failed, with `error`.
boost::asio::awaitable<bool> mark_failed(Pool& pool, const EmailJob& job, const std::string& error);

/// Hands a claimed but unsent job back at once, its attempt not counted (worker shutting down).
boost::asio::awaitable<bool> release(Pool& pool, const EmailJob& job);

/// Number of jobs by status ("pending", "sent", "failed"), for /metrics.
boost::asio::awaitable<std::map<std::string, std::int64_t>> count_by_status(Pool& pool);

/// Seconds since the oldest pending job was queued (0 when none is pending), for /metrics.
boost::asio::awaitable<std::int64_t> oldest_pending_age_seconds(Pool& pool);

}  // namespace tmeit::db::email_jobs
