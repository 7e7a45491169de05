// `tmeit worker` killed (SIGKILL, no chance to clean up) in the middle of sending a mail: the
// mail is delivered after a restart, at most once more than it was, and the job ends `sent`.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include "support/eventually.hpp"
#include "support/postgres.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

std::unique_ptr<ServerProcess> start_worker(const TestDatabase& database, const SmtpSink& sink) {
  return std::make_unique<ServerProcess>(
      server_environment(database.url(), {{"TMEIT_WORKER_PORT", "0"},
                                          {"TMEIT_SMTP_URL", sink.url()},
                                          {"TMEIT_WORKER_POLL_MS", "50"}}),
      15s, std::vector<std::string>{"worker"});
}

TEST(FaultWorkerKill, MailInFlightIsSentAfterRestartAtMostOnceMore) {
  TestDatabase database;
  migrate_up(database.url());
  auto db = database.connect();
  const auto id = db.scalar(
      "INSERT INTO email_jobs (recipient, subject, body_text) "
      "VALUES ('member@example.org', 'Your reset link', 'Body') RETURNING id");
  // The server holds each message for 3 s before its 250: the worker is killed in that wait,
  // when the mail has reached the server but the worker has not heard so.
  SmtpSink sink(0, 3000ms);
  auto worker = start_worker(database, sink);
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }, 15s)) << worker->output();
  worker->kill_now();
  EXPECT_EQ(db.scalar("SELECT status FROM email_jobs WHERE id = " + id), "pending");

  // The dead worker's lease (5 minutes) would bring the job back; the test moves time instead
  // of waiting for it.
  db.query("UPDATE email_jobs SET next_attempt_at = now() WHERE id = " + id);
  auto restarted = start_worker(database, sink);
  ASSERT_TRUE(eventually(
      [&] { return db.scalar("SELECT status FROM email_jobs WHERE id = " + id) == "sent"; }, 20s))
      << restarted->output();
  std::this_thread::sleep_for(1s);  // room for a wrong third delivery to show
  EXPECT_EQ(sink.messages().size(), 2u) << "delivered once before the kill, once after";
  EXPECT_EQ(db.scalar("SELECT attempts FROM email_jobs WHERE id = " + id), "2");
}

}  // namespace
}  // namespace tmeit::test
