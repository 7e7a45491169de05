#include "domain/alert_path.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

HttpReply ok_json(std::string body) {
  return {200, std::move(body), {}};
}

TEST(AlertPathChecks, A200IsReadyAnythingElseSaysWhy) {
  EXPECT_TRUE(judge_status_200("loki_ready", {200, "ready", {}}).ok);
  const auto refused = judge_status_200("loki_ready", {0, "", "Connection refused"});
  EXPECT_FALSE(refused.ok);
  EXPECT_EQ(refused.detail, "Connection refused");
  EXPECT_EQ(judge_status_200("loki_ready", {503, "Ingester not ready", {}}).detail, "HTTP 503");
}

TEST(AlertPathChecks, EveryScrapeTargetMustBeUp) {
  const auto up =
      judge_all_series_one("prometheus_scrapes_app",
                           ok_json(R"({"status":"success","data":{"resultType":"vector","result":[)"
                                   R"({"metric":{"pod":"a"},"value":[1700000000.1,"1"]},)"
                                   R"({"metric":{"pod":"b"},"value":[1700000000.1,"1"]}]}})"));
  EXPECT_TRUE(up.ok) << up.detail;
  const auto one_down =
      judge_all_series_one("prometheus_scrapes_app",
                           ok_json(R"({"status":"success","data":{"resultType":"vector","result":[)"
                                   R"({"metric":{"pod":"a"},"value":[1700000000.1,"0"]},)"
                                   R"({"metric":{"pod":"b"},"value":[1700000000.1,"1"]}]}})"));
  EXPECT_FALSE(one_down.ok);
  EXPECT_EQ(one_down.detail, "1 of 2 targets down");
}

TEST(AlertPathChecks, NoScrapeTargetAtAllFails) {
  const auto none = judge_all_series_one(
      "prometheus_scrapes_app",
      ok_json(R"({"status":"success","data":{"resultType":"vector","result":[]}})"));
  EXPECT_FALSE(none.ok);
  EXPECT_EQ(none.detail, "no series: nothing is being scraped");
}

TEST(AlertPathChecks, AnErrorAnswerOrGarbageFails) {
  const auto error = judge_all_series_one(
      "prometheus_scrapes_app",
      ok_json(R"({"status":"error","errorType":"bad_data","error":"parse error"})"));
  EXPECT_FALSE(error.ok);
  EXPECT_EQ(error.detail, "unreadable answer: query failed: parse error");
  EXPECT_FALSE(judge_sum_positive("loki_has_app_logs", ok_json("<html>")).ok);
}

TEST(AlertPathChecks, RecentLogLinesMustExist) {
  EXPECT_TRUE(
      judge_sum_positive("loki_has_app_logs",
                         ok_json(R"({"status":"success","data":{"resultType":"vector","result":[)"
                                 R"({"metric":{},"value":[1700000000,"42"]}]}})"))
          .ok);
  const auto empty = judge_sum_positive(
      "loki_has_app_logs",
      ok_json(R"({"status":"success","data":{"resultType":"vector","result":[]}})"));
  EXPECT_FALSE(empty.ok);
  EXPECT_EQ(empty.detail, "the query counted nothing");
}

TEST(WatchdogWebhook, AFiringWatchdogCounts) {
  EXPECT_TRUE(is_watchdog_notification(
      R"({"version":"4","status":"firing","receiver":"monitor-health","alerts":[)"
      R"({"status":"firing","labels":{"alertname":"Watchdog","severity":"none"}}]})"));
}

TEST(WatchdogWebhook, OtherAlertsOrAResolvedWatchdogDoNot) {
  EXPECT_FALSE(is_watchdog_notification(
      R"({"alerts":[{"status":"firing","labels":{"alertname":"TmeitHTTP5xx"}}]})"));
  EXPECT_FALSE(is_watchdog_notification(
      R"({"alerts":[{"status":"resolved","labels":{"alertname":"Watchdog"}}]})"));
}

TEST(WatchdogWebhook, ABodyThatIsNoWebhookIsRejected) {
  EXPECT_THROW(is_watchdog_notification("not json"), std::invalid_argument);
  EXPECT_THROW(is_watchdog_notification(R"({"alerts":"none"})"), std::invalid_argument);
}

class AlertPathHealthTest : public ::testing::Test {
 protected:
  const Clock::time_point now = Clock::time_point(std::chrono::seconds(1'700'000'000));
  const AlertPathLimits limits{600s, 120s};
  const std::vector<CheckOutcome> passing{{"prometheus_ready", true, {}},
                                          {"alertmanager_ready", true, {}}};
};

TEST_F(AlertPathHealthTest, HealthyWhenEveryCheckPassedRecentlyAndAWatchdogArrived) {
  const auto health = assess_alert_path(passing, now - 10s, now - 300s, now, limits);
  EXPECT_TRUE(health.healthy) << health.body.dump();
  EXPECT_EQ(health.body["failed"], nlohmann::json::array());
  EXPECT_EQ(health.body["watchdog"]["received_at"], "2023-11-14T22:08:20Z");
}

TEST_F(AlertPathHealthTest, NamesEachFailedPart) {
  const std::vector<CheckOutcome> checks{{"prometheus_ready", true, {}},
                                         {"alertmanager_ready", false, "Connection refused"}};
  const auto health = assess_alert_path(checks, now - 10s, now - 60s, now, limits);
  EXPECT_FALSE(health.healthy);
  EXPECT_EQ(health.body["failed"], nlohmann::json::array({"alertmanager_ready"}));
  EXPECT_EQ(health.body["checks"]["alertmanager_ready"]["error"], "Connection refused");
  EXPECT_EQ(health.body["checks"]["prometheus_ready"]["ok"], true);
}

TEST_F(AlertPathHealthTest, AnOldOrMissingWatchdogFails) {
  const auto old = assess_alert_path(passing, now - 10s, now - 601s, now, limits);
  EXPECT_FALSE(old.healthy);
  EXPECT_EQ(old.body["failed"], nlohmann::json::array({"watchdog"}));
  EXPECT_EQ(old.body["watchdog"]["error"], "the last Watchdog notification is 601 s old");
  const auto never = assess_alert_path(passing, now - 10s, std::nullopt, now, limits);
  EXPECT_FALSE(never.healthy);
  EXPECT_EQ(never.body["failed"], nlohmann::json::array({"watchdog"}));
}

TEST_F(AlertPathHealthTest, StaleOrMissingChecksFail) {
  const auto stale = assess_alert_path(passing, now - 121s, now - 1s, now, limits);
  EXPECT_FALSE(stale.healthy);
  EXPECT_EQ(stale.body["failed"], nlohmann::json::array({"checks"}));
  const auto first = assess_alert_path({}, std::nullopt, now - 1s, now, limits);
  EXPECT_FALSE(first.healthy);
  EXPECT_EQ(first.body["checks_error"], "the first round of checks has not finished");
}

}  // namespace
}  // namespace tmeit::domain
