// `tmeit worker`: queued mail reaches a real SMTP server exactly once, through outages and with
// several workers; mail that keeps failing is given up and counted; data past its retention
// (sign-up IPs at 30 days, mail at 7, throttle counters past their window) is erased.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "app/build_info.hpp"
#include "support/eventually.hpp"
#include "support/http_client.hpp"
#include "support/metrics_text.hpp"
#include "support/postgres.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace tmeit::test {
namespace {

class EmailWorker : public ::testing::Test {
 protected:
  void SetUp() override { migrate_up(database_.url()); }

  /// Fast polling and retries so each test takes a second or two.
  Environment worker_environment(const std::string& smtp, const Environment& extra = {}) {
    Environment env{{"TMEIT_WORKER_PORT", "0"},
                    {"TMEIT_SMTP_URL", smtp},
                    {"TMEIT_WORKER_POLL_MS", "50"},
                    {"TMEIT_MAIL_RETRY_BASE_MS", "100"},
                    {"TMEIT_SHUTDOWN_GRACE_MS", "2000"}};
    for (const auto& [name, value] : extra) env[name] = value;
    return server_environment(database_.url(), env);
  }

  std::unique_ptr<ServerProcess> start_worker(const std::string& smtp,
                                              const Environment& extra = {}) {
    return std::make_unique<ServerProcess>(worker_environment(smtp, extra), 15s,
                                           std::vector<std::string>{"worker"});
  }

  std::string enqueue(const std::string& subject, const std::string& text = "Hello member",
                      const std::string& html = "<p>Hello member</p>") {
    return scalar(
        "INSERT INTO email_jobs (recipient, subject, body_text, body_html) VALUES "
        "('member@example.org', '" +
        subject + "', '" + text + "', '" + html + "') RETURNING id");
  }

  std::string scalar(const std::string& sql) { return database_.connect().scalar(sql); }

  std::string status(const std::string& id) {
    return scalar("SELECT status FROM email_jobs WHERE id = " + id);
  }

  static std::vector<MetricSample> scrape(const ServerProcess& worker) {
    auto response = get(worker.port(), "/metrics");
    EXPECT_EQ(response.result_int(), 200);
    return parse_metrics(response.body());
  }

  TestDatabase database_;
};

TEST_F(EmailWorker, DeliversAQueuedMailAsMultipartAlternative) {
  SmtpSink sink;
  const auto id = enqueue("Welcome to TMEIT");
  auto worker = start_worker(sink.url());
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }, 10s)) << worker->output();
  const auto message = sink.messages().front();
  EXPECT_NE(message.find("X-Sink-Rcpt-To: member@example.org\r\n"), std::string::npos) << message;
  EXPECT_NE(message.find("X-Sink-Mail-From: noreply@tmeit.se\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nFrom: TMEIT <noreply@tmeit.se>\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nTo: <member@example.org>\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nSubject: Welcome to TMEIT\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nMessage-ID: <"), std::string::npos);
  EXPECT_NE(message.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  const auto text = message.find("Content-Type: text/plain; charset=UTF-8");
  const auto html = message.find("Content-Type: text/html; charset=UTF-8");
  ASSERT_NE(text, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  EXPECT_NE(message.find("Hello member", text), std::string::npos);
  EXPECT_NE(message.find("<p>Hello member</p>", html), std::string::npos);
  ASSERT_TRUE(eventually([&] { return status(id) == "sent"; }, 5s));
  EXPECT_EQ(scalar("SELECT attempts FROM email_jobs WHERE id = " + id), "1");
  EXPECT_EQ(scalar("SELECT sent_at IS NOT NULL FROM email_jobs WHERE id = " + id), "t");
}

TEST_F(EmailWorker, EncodesANonAsciiSubject) {
  SmtpSink sink;
  enqueue("Välkommen till TMEIT", "Hej på dig");
  auto worker = start_worker(sink.url());
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }, 10s)) << worker->output();
  const auto message = sink.messages().front();
  EXPECT_NE(message.find("\r\nSubject: =?UTF-8?B?VsOkbGtvbW1lbiB0aWxsIFRNRUlU?=\r\n"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("Hej p=C3=A5 dig"), std::string::npos) << message;
}

TEST_F(EmailWorker, RetriesUntilTheSmtpServerIsUpAndDeliversOnce) {
  const auto port = free_port();
  const auto id = enqueue("Sent after an outage");
  auto worker = start_worker(smtp_url(port), {{"TMEIT_MAIL_RETRY_BASE_MS", "200"}});
  ASSERT_TRUE(eventually(
      [&] {
        return scalar("SELECT last_error IS NOT NULL FROM email_jobs WHERE id = " + id) == "t";
      },
      10s))
      << worker->output();
  EXPECT_EQ(status(id), "pending");
  SmtpSink sink(port);
  ASSERT_TRUE(eventually([&] { return status(id) == "sent"; }, 15s)) << worker->output();
  std::this_thread::sleep_for(500ms);  // time enough for a duplicate to arrive, if any
  EXPECT_EQ(sink.messages().size(), 1u);
  EXPECT_GE(metric_value(scrape(*worker), "email_jobs_retried_total").value_or(0), 1);
  EXPECT_EQ(metric_value(scrape(*worker), "email_jobs_sent_total"), 1);
}

TEST_F(EmailWorker, TwoWorkersSendEachMailExactlyOnce) {
  SmtpSink sink;
  auto first = start_worker(sink.url());
  auto second = start_worker(sink.url());
  constexpr int jobs = 30;
  scalar(
      "WITH added AS (INSERT INTO email_jobs (recipient, subject, body_text) "
      "SELECT 'member@example.org', 'Job ' || n, 'Body ' || n FROM generate_series(1, " +
      std::to_string(jobs) + ") AS n RETURNING 1) SELECT count(*) FROM added");
  ASSERT_TRUE(eventually(
      [&] { return scalar("SELECT count(*) FROM email_jobs WHERE status = 'sent'") == "30"; }, 30s))
      << first->output() << second->output();
  std::this_thread::sleep_for(300ms);
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), static_cast<std::size_t>(jobs));
  std::map<std::string, int> seen;
  for (const auto& message : messages) {
    const auto start = message.find("\r\nSubject: ") + 11;
    ++seen[message.substr(start, message.find("\r\n", start) - start)];
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(jobs));
  for (const auto& [subject, count] : seen) EXPECT_EQ(count, 1) << subject;
  EXPECT_EQ(scalar("SELECT sum(attempts) FROM email_jobs"), std::to_string(jobs));
}

TEST_F(EmailWorker, GivesUpAfterMaxAttemptsAndCountsIt) {
  const auto id = enqueue("Never arrives", "secret-body-text");
  auto worker = start_worker(smtp_url(free_port()), {{"TMEIT_MAIL_MAX_ATTEMPTS", "3"},
                                                     {"TMEIT_MAIL_RETRY_BASE_MS", "20"}});
  ASSERT_TRUE(eventually([&] { return status(id) == "failed"; }, 10s)) << worker->output();
  EXPECT_EQ(scalar("SELECT attempts FROM email_jobs WHERE id = " + id), "3");
  EXPECT_NE(scalar("SELECT last_error FROM email_jobs WHERE id = " + id), "");
  auto error_line = worker->wait_for_log(
      [](const LogLine& line) { return field(line, "msg") == "email failed: giving up"; });
  ASSERT_TRUE(error_line.has_value()) << worker->output();
  EXPECT_EQ(field(*error_line, "level"), "error");
  EXPECT_EQ((*error_line)["job_id"], std::stoll(id));
  const auto samples = scrape(*worker);
  EXPECT_EQ(metric_value(samples, "email_jobs_failed_total"), 1);
  EXPECT_EQ(metric_value(samples, "email_jobs_retried_total"), 2);
  EXPECT_EQ(metric_value(samples, "email_jobs", {{"status", "failed"}}), 1);
  EXPECT_EQ(metric_value(samples, "email_send_duration_seconds_count"), 3);
  EXPECT_EQ(worker->output().find("secret-body-text"), std::string::npos)
      << "a mail body reached the log";
}

TEST_F(EmailWorker, ExposesProcessBuildExceptionAndQueueAgeMetrics) {
  const auto id = enqueue("Waits for the relay");
  scalar("UPDATE email_jobs SET created_at = now() - interval '20 minutes' WHERE id = " + id +
         " RETURNING id");
  // No SMTP server: the mail stays pending (first retry only after a minute).
  auto worker = start_worker(smtp_url(free_port()), {{"TMEIT_MAIL_RETRY_BASE_MS", "60000"}});
  const auto samples = scrape(*worker);
  const auto age = metric_value(samples, "email_jobs_oldest_pending_age_seconds");
  ASSERT_TRUE(age);
  EXPECT_GE(*age, 1200);
  EXPECT_LT(*age, 1300);
  EXPECT_EQ(metric_value(samples, "tmeit_exceptions_total"), 0);
  EXPECT_EQ(metric_value(samples, "tmeit_build_info", {{"version", app::build_info::version}}), 1);
  const auto rss = metric_value(samples, "process_resident_memory_bytes");
  ASSERT_TRUE(rss);
  EXPECT_GT(*rss, 1e6);
}

TEST_F(EmailWorker, GivesUpAtOnceOnARecipientThatIsNoAddress) {
  SmtpSink sink;
  const auto id = scalar(
      "INSERT INTO email_jobs (recipient, subject, body_text) "
      "VALUES ('not an address@example.org', 'Bad', 'Body') RETURNING id");
  auto worker = start_worker(sink.url());
  ASSERT_TRUE(eventually([&] { return status(id) == "failed"; }, 10s)) << worker->output();
  EXPECT_EQ(scalar("SELECT attempts FROM email_jobs WHERE id = " + id), "1");
  EXPECT_TRUE(sink.messages().empty());
}

TEST_F(EmailWorker, AnswersHealthAndExitsZeroOnSigterm) {
  SmtpSink sink;
  auto worker = start_worker(sink.url());
  EXPECT_EQ(get(worker->port(), "/health").result_int(), 200);
  worker->terminate();
  EXPECT_EQ(worker->wait_exit(5s), 0) << worker->output();
}

TEST_F(EmailWorker, FinishesTheCurrentSendOnSigtermAndHandsBackTheRest) {
  // A slow server: the first mail is still being answered when the signal comes.
  SmtpSink sink(0, 1500ms);
  scalar(
      "WITH added AS (INSERT INTO email_jobs (recipient, subject, body_text) "
      "SELECT 'member@example.org', 'Job ' || n, 'Body' FROM generate_series(1, 3) AS n "
      "RETURNING 1) SELECT count(*) FROM added");
  auto worker = start_worker(sink.url());
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }, 10s)) << worker->output();
  worker->terminate();
  EXPECT_EQ(worker->wait_exit(10s), 0) << worker->output();
  EXPECT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs WHERE status = 'sent' AND attempts = 1"), "1");
  // The other two were claimed with the first; they are due again now, their attempt uncounted.
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs WHERE status = 'pending' AND attempts = 0 "
                   "AND next_attempt_at <= now()"),
            "2");
}

TEST_F(EmailWorker, ExitsZeroOnSigint) {
  SmtpSink sink;
  auto worker = start_worker(sink.url());
  worker->interrupt();
  EXPECT_EQ(worker->wait_exit(5s), 0) << worker->output();
}

TEST_F(EmailWorker, ErasesSignUpAddressesOlderThan30Days) {
  scalar(
      "WITH added AS (INSERT INTO sign_ups "
      "(email, first_name, last_name, phone, password_hash, client_ip, created_at) VALUES "
      "('old@example.org', 'Old', 'One', '1', 'x', '192.0.2.1', now() - interval '31 days'), "
      "('new@example.org', 'New', 'One', '1', 'x', '192.0.2.2', now() - interval '29 days') "
      "RETURNING 1) SELECT count(*) FROM added");
  SmtpSink sink;
  auto worker = start_worker(sink.url());
  ASSERT_TRUE(eventually(
      [&] {
        return scalar("SELECT client_ip IS NULL FROM sign_ups WHERE email = 'old@example.org'") ==
               "t";
      },
      10s))
      << worker->output();
  EXPECT_EQ(scalar("SELECT host(client_ip) FROM sign_ups WHERE email = 'new@example.org'"),
            "192.0.2.2");
}

TEST_F(EmailWorker, DeletesMailSentOrGivenUpMoreThanAWeekAgo) {
  scalar(
      "WITH added AS (INSERT INTO email_jobs (recipient, subject, body_text, status, sent_at, "
      "next_attempt_at) VALUES "
      "('a@example.org', 'old sent', 'x', 'sent', now() - interval '8 days', now()), "
      "('a@example.org', 'new sent', 'x', 'sent', now() - interval '6 days', now()), "
      "('a@example.org', 'old failed', 'x', 'failed', NULL, now() - interval '8 days'), "
      "('a@example.org', 'new failed', 'x', 'failed', NULL, now() - interval '6 days'), "
      "('a@example.org', 'old pending', 'x', 'pending', NULL, now() + interval '1 day') "
      "RETURNING 1) SELECT count(*) FROM added");
  scalar(
      "WITH added AS (INSERT INTO throttle_hits (scope, key, hits, expires_at) VALUES "
      "('login_address', throttle_key('old'), '{}', now() - interval '1 minute'), "
      "('login_address', throttle_key('new'), ARRAY[now()], now() + interval '1 minute') "
      "RETURNING 1) SELECT count(*) FROM added");
  SmtpSink sink;
  auto worker = start_worker(sink.url());
  ASSERT_TRUE(eventually(
      [&] { return scalar("SELECT count(*) FROM email_jobs WHERE status <> 'pending'") == "2"; },
      10s))
      << worker->output();
  EXPECT_EQ(scalar("SELECT string_agg(subject, ', ' ORDER BY id) FROM email_jobs"),
            "new sent, new failed, old pending");
  EXPECT_EQ(scalar("SELECT count(*) FROM throttle_hits"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM throttle_hits WHERE key = throttle_key('new')"), "1");
}

TEST_F(EmailWorker, RejectsAnInvalidSmtpUrl) {
  auto result = run_tmeit({"worker"}, worker_environment("http://mail.example.org"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("TMEIT_SMTP_URL"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace tmeit::test
