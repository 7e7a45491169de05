// `tmeit worker` survives a database restart: while PostgreSQL is down it keeps answering
// /health and /metrics (without the queue gauge) and logs the outage once; afterwards it
// delivers what is queued, without a restart.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "support/eventually.hpp"
#include "support/http_client.hpp"
#include "support/postgres.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

TEST(EmailWorkerRecovery, DeliversAfterADatabaseRestart) {
  PrivateCluster cluster;
  migrate_up(cluster.url());
  SmtpSink sink;
  ServerProcess worker(server_environment(cluster.url(), {{"TMEIT_WORKER_PORT", "0"},
                                                          {"TMEIT_SMTP_URL", sink.url()},
                                                          {"TMEIT_WORKER_POLL_MS", "50"},
                                                          {"TMEIT_DB_TIMEOUT_MS", "500"}}),
                       15s, {"worker"});
  cluster.stop("fast");
  std::this_thread::sleep_for(500ms);  // a few polls against the stopped database
  auto metrics = get(worker.port(), "/metrics");
  EXPECT_EQ(metrics.result_int(), 200);
  EXPECT_EQ(metrics.body().find("email_jobs{"), std::string::npos) << "queue gauge without a DB";
  EXPECT_EQ(get(worker.port(), "/health").result_int(), 200);

  cluster.start();
  PgConnection(cluster.url())
      .scalar(
          "INSERT INTO email_jobs (recipient, subject, body_text) "
          "VALUES ('member@example.org', 'After the restart', 'Body') RETURNING id");
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }, 15s)) << worker.output();
  std::size_t outage_lines = 0;
  for (const auto& line : worker.log_lines()) {
    if (field(line, "msg") == "email worker: database error; retrying") ++outage_lines;
  }
  EXPECT_EQ(outage_lines, 1u) << "one warning per outage, not one per poll";
}

}  // namespace
}  // namespace tmeit::test
