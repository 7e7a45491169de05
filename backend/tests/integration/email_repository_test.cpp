// db::email_jobs against a real PostgreSQL: enqueue inside the caller's transaction, claims that
// lease, and outcomes fenced by the attempt number.
#include <utility>

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <exception>
#include <string>

#include "app/logger.hpp"
#include "db/email_repository.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "support/postgres.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

namespace asio = boost::asio;
namespace jobs = db::email_jobs;
using std::chrono::milliseconds;

domain::Email sample(const std::string& subject) {
  return {"member@example.org", subject, "text", "<p>html</p>"};
}

class EmailRepository : public ::testing::Test {
 protected:
  void SetUp() override { migrate_up(database_.url()); }

  /// Runs `make()`'s coroutine to completion on the test's io_context; rethrows its failure.
  template <typename Make>
  auto run(Make make) {
    using Value = typename decltype(make())::value_type;
    std::exception_ptr failure;
    Value value{};
    asio::co_spawn(io_, make(), [&](std::exception_ptr error, Value result) {
      failure = std::move(error);
      value = std::move(result);
    });
    io_.restart();
    io_.run();
    if (failure) std::rethrow_exception(failure);
    return value;
  }

  std::string scalar(const std::string& sql) { return database_.connect().scalar(sql); }

  TestDatabase database_;
  app::Logger logger_{app::LogLevel::error};
  asio::io_context io_{1};
  db::Pool pool_{database_.url(), 2, milliseconds(5000), logger_};
};

TEST_F(EmailRepository, EnqueueInARolledBackTransactionQueuesNothing) {
  run([&]() -> asio::awaitable<bool> {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto email = sample("Rolled back");
    co_await jobs::enqueue(tx, email);
    co_await tx.rollback();
    co_return true;
  });
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs"), "0");
}

TEST_F(EmailRepository, EnqueueInACommittedTransactionQueuesAPendingJob) {
  const auto id = run([&]() -> asio::awaitable<std::int64_t> {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto email = sample("Committed");
    const auto job_id = co_await jobs::enqueue(tx, email);
    co_await tx.commit();
    co_return job_id;
  });
  EXPECT_EQ(
      scalar("SELECT status || ' ' || attempts || ' ' || subject FROM email_jobs WHERE id = " +
             std::to_string(id)),
      "pending 0 Committed");
}

TEST_F(EmailRepository, AClaimedJobIsNotDueAgainUntilItsLeaseEnds) {
  run([&]() -> asio::awaitable<std::int64_t> {
    const auto email = sample("Leased");
    const auto job_id = co_await jobs::enqueue(pool_, email);
    co_return job_id;
  });
  const auto first = run([&]() { return jobs::claim_due(pool_, 10, milliseconds(60000)); });
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].attempts, 1);
  EXPECT_EQ(first[0].email.subject, "Leased");
  EXPECT_EQ(first[0].email.body_html, "<p>html</p>");
  const auto second = run([&]() { return jobs::claim_due(pool_, 10, milliseconds(60000)); });
  EXPECT_TRUE(second.empty());
}

TEST_F(EmailRepository, AnExpiredClaimCannotOverwriteALaterAttempt) {
  run([&]() -> asio::awaitable<std::int64_t> {
    const auto email = sample("Fenced");
    const auto job_id = co_await jobs::enqueue(pool_, email);
    co_return job_id;
  });
  // A lease of 0 ms: the job is due again at once, as after a worker that stalled.
  const auto stale = run([&]() { return jobs::claim_due(pool_, 1, milliseconds(0)); });
  const auto fresh = run([&]() { return jobs::claim_due(pool_, 1, milliseconds(60000)); });
  ASSERT_EQ(stale.size(), 1u);
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh[0].attempts, 2);
  // Named, not a temporary: the coroutine starts later and keeps a reference to it.
  const std::string error = "stale";
  EXPECT_FALSE(run([&]() { return jobs::mark_failed(pool_, stale[0], error); }));
  EXPECT_TRUE(run([&]() { return jobs::mark_sent(pool_, fresh[0]); }));
  EXPECT_EQ(scalar("SELECT status FROM email_jobs"), "sent");
}

TEST_F(EmailRepository, AReleasedJobIsDueAtOnceWithItsAttemptUncounted) {
  run([&]() -> asio::awaitable<std::int64_t> {
    const auto email = sample("Released");
    const auto job_id = co_await jobs::enqueue(pool_, email);
    co_return job_id;
  });
  const auto claimed = run([&]() { return jobs::claim_due(pool_, 1, milliseconds(60000)); });
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_TRUE(run([&]() { return jobs::release(pool_, claimed[0]); }));
  const auto again = run([&]() { return jobs::claim_due(pool_, 1, milliseconds(60000)); });
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 1);
}

TEST_F(EmailRepository, RetryMovesTheNextAttemptAndKeepsTheError) {
  run([&]() -> asio::awaitable<std::int64_t> {
    const auto email = sample("Retried");
    const auto job_id = co_await jobs::enqueue(pool_, email);
    co_return job_id;
  });
  const auto claimed = run([&]() { return jobs::claim_due(pool_, 1, milliseconds(0)); });
  ASSERT_EQ(claimed.size(), 1u);
  const std::string error = "connection refused";
  EXPECT_TRUE(
      run([&]() { return jobs::mark_retry(pool_, claimed[0], error, milliseconds(3600000)); }));
  EXPECT_EQ(scalar("SELECT next_attempt_at > now() + interval '59 minutes' AND "
                   "last_error = 'connection refused' FROM email_jobs"),
            "t");
  EXPECT_TRUE(run([&]() { return jobs::claim_due(pool_, 1, milliseconds(0)); }).empty());
}

}  // namespace
}  // namespace tmeit::test
