#include "db/email_repository.hpp"

namespace tmeit::db::email_jobs {
namespace {

constexpr Statement insert_job{"email_jobs_insert",
                               "INSERT INTO email_jobs (recipient, subject, body_text, body_html) "
                               "VALUES ($1, $2, $3, $4) RETURNING id"};

// The CTE is evaluated once, so the rows locked (skipping those another worker holds) are
// exactly the rows updated; the lease and the attempt count commit with the claim.
constexpr Statement claim_due_jobs{
    "email_jobs_claim_due",
    "WITH due AS ("
    "  SELECT id FROM email_jobs"
    "  WHERE status = 'pending' AND next_attempt_at <= now()"
    "  ORDER BY next_attempt_at LIMIT $1"
    "  FOR UPDATE SKIP LOCKED) "
    "UPDATE email_jobs AS job "
    "SET attempts = job.attempts + 1, "
    "    next_attempt_at = now() + $2::double precision * interval '1 millisecond' "
    "FROM due WHERE job.id = due.id "
    "RETURNING job.id, job.attempts, job.recipient, job.subject, job.body_text, job.body_html"};

constexpr Statement mark_sent_statement{
    "email_jobs_mark_sent",
    "UPDATE email_jobs SET status = 'sent', sent_at = now(), last_error = NULL "
    "WHERE id = $1 AND attempts = $2 AND status = 'pending'"};

constexpr Statement mark_retry_statement{
    "email_jobs_mark_retry",
    "UPDATE email_jobs "
    "SET next_attempt_at = now() + $3::double precision * interval '1 millisecond', "
    "    last_error = left($4, 4000) "
    "WHERE id = $1 AND attempts = $2 AND status = 'pending'"};

constexpr Statement mark_failed_statement{
    "email_jobs_mark_failed",
    "UPDATE email_jobs SET status = 'failed', last_error = left($3, 4000) "
    "WHERE id = $1 AND attempts = $2 AND status = 'pending'"};

constexpr Statement release_statement{
    "email_jobs_release",
    "UPDATE email_jobs SET attempts = attempts - 1, next_attempt_at = now() "
    "WHERE id = $1 AND attempts = $2 AND status = 'pending'"};

constexpr Statement count_statement{"email_jobs_count_by_status",
                                    "SELECT status, count(*) FROM email_jobs GROUP BY status"};

// Pending rows are few and the partial index email_jobs_due_idx holds exactly them.
constexpr Statement oldest_pending_statement{
    "email_jobs_oldest_pending",
    "SELECT coalesce(floor(extract(epoch FROM now() - min(created_at))), 0)::bigint "
    "FROM email_jobs WHERE status = 'pending'"};

Params insert_params(const domain::Email& email) {
  return {email.recipient, email.subject, email.body_text, email.body_html};
}

Params job_params(const EmailJob& job) {
  return {std::to_string(job.id), std::to_string(job.attempts)};
}

}  // namespace

boost::asio::awaitable<std::int64_t> enqueue(Transaction& transaction, const domain::Email& email) {
  // Named Params, not a braced list in the co_await: g++ 12 miscompiles the latter.
  const Params params = insert_params(email);
  auto result = co_await transaction.execute(insert_job, params);
  co_return result.integer(0, 0);
}

boost::asio::awaitable<std::int64_t> enqueue(Pool& pool, const domain::Email& email) {
  const Params params = insert_params(email);
  auto result = co_await pool.execute(insert_job, params);
  co_return result.integer(0, 0);
}

boost::asio::awaitable<std::vector<EmailJob>> claim_due(Pool& pool, std::size_t limit,
                                                        std::chrono::milliseconds lease) {
  const Params params{std::to_string(limit), std::to_string(lease.count())};
  auto result = co_await pool.execute(claim_due_jobs, params);
  std::vector<EmailJob> jobs;
  jobs.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    jobs.push_back({result.integer(row, 0),
                    result.integer(row, 1),
                    {std::string(result.text(row, 2)), std::string(result.text(row, 3)),
                     std::string(result.text(row, 4)), result.optional_text(row, 5)}});
  }
  co_return jobs;
}

boost::asio::awaitable<bool> mark_sent(Pool& pool, const EmailJob& job) {
  const Params params = job_params(job);
  auto result = co_await pool.execute(mark_sent_statement, params);
  co_return result.affected_rows() == 1;
}

boost::asio::awaitable<bool> mark_retry(Pool& pool, const EmailJob& job, const std::string& error,
                                        std::chrono::milliseconds delay) {
  Params params = job_params(job);
  params.emplace_back(std::to_string(delay.count()));
  params.emplace_back(error);
  auto result = co_await pool.execute(mark_retry_statement, params);
  co_return result.affected_rows() == 1;
}

boost::asio::awaitable<bool> mark_failed(Pool& pool, const EmailJob& job,
                                         const std::string& error) {
  Params params = job_params(job);
  params.emplace_back(error);
  auto result = co_await pool.execute(mark_failed_statement, params);
  co_return result.affected_rows() == 1;
}

boost::asio::awaitable<bool> release(Pool& pool, const EmailJob& job) {
  const Params params = job_params(job);
  auto result = co_await pool.execute(release_statement, params);
  co_return result.affected_rows() == 1;
}

boost::asio::awaitable<std::map<std::string, std::int64_t>> count_by_status(Pool& pool) {
  auto result = co_await pool.execute(count_statement);
  std::map<std::string, std::int64_t> counts{{"pending", 0}, {"sent", 0}, {"failed", 0}};
  for (int row = 0; row < result.rows(); ++row) {
    counts[std::string(result.text(row, 0))] = result.integer(row, 1);
  }
  co_return counts;
}

boost::asio::awaitable<std::int64_t> oldest_pending_age_seconds(Pool& pool) {
  auto result = co_await pool.execute(oldest_pending_statement);
  co_return result.integer(0, 0);
}

}  // namespace tmeit::db::email_jobs
