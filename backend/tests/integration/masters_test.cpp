// The club never loses its last master: not by a self-demotion, not by two masters demoting or
// deleting each other at the same moment, not by SQL; and `tmeit admin promote` recovers a
// database that has none (docs/runbooks/no-master.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <string>
#include <thread>

#include "support/club.hpp"
#include "support/http_assertions.hpp"
#include "support/subprocess.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr int race_rounds = 20;

class Masters : public ::testing::Test {
 protected:
  std::string scalar(const std::string& sql) { return server_.database().connect().scalar(sql); }
  void run_sql(const std::string& sql) { server_.database().connect().query(sql); }
  std::string masters() { return scalar("SELECT count(*) FROM members WHERE role = 'master'"); }

  Response send(http::verb method, const std::string& target, const std::string& token,
                const json& body = nullptr) {
    return fetch(server_.port(), method, target, json_headers(bearer(token)),
                 body.is_null() ? std::string() : body.dump());
  }

  /// Sends both requests at the same moment, each on its own thread.
  std::pair<int, int> at_once(const std::function<Response()>& first,
                              const std::function<Response()>& second) {
    std::atomic<bool> go{false};
    int a = 0;
    int b = 0;
    std::thread one([&] {
      while (!go.load()) std::this_thread::yield();
      a = first().result_int();
    });
    std::thread two([&] {
      while (!go.load()) std::this_thread::yield();
      b = second().result_int();
    });
    go.store(true);
    one.join();
    two.join();
    return {a, b};
  }

  TestServer server_;
};

TEST_F(Masters, TheOnlyMasterCannotDemoteThemselves) {
  const auto boss = add_member(server_, "boss@example.com", "master");
  const auto token = login(server_, "boss@example.com");
  const auto refused = send(http::verb::patch, "/api/v1/members/" + boss.short_uuid, token,
                            {{"current_role", "ex"}});
  ASSERT_TRUE(is_json_error(refused, 409)) << refused.body();
  EXPECT_NE(refused.body().find("at least one master"), std::string::npos) << refused.body();
  EXPECT_EQ(masters(), "1");
  // With a second master, stepping down is fine.
  add_member(server_, "next@example.com", "master");
  EXPECT_EQ(
      send(http::verb::patch, "/api/v1/members/" + boss.short_uuid, token, {{"current_role", "ex"}})
          .result_int(),
      200);
  EXPECT_EQ(masters(), "1");
}

TEST_F(Masters, TwoMastersDemotingEachOtherAtOnceLeaveOne) {
  const auto anna = add_member(server_, "anna@example.com", "master");
  const auto bert = add_member(server_, "bert@example.com", "master");
  for (int round = 0; round < race_rounds; ++round) {
    run_sql("UPDATE members SET role = 'master', tokens_valid_after = NULL");
    const auto anna_token = login(server_, "anna@example.com");
    const auto bert_token = login(server_, "bert@example.com");
    const auto [a, b] = at_once(
        [&] {
          return send(http::verb::patch, "/api/v1/members/" + bert.short_uuid, anna_token,
                      {{"current_role", "vraq"}});
        },
        [&] {
          return send(http::verb::patch, "/api/v1/members/" + anna.short_uuid, bert_token,
                      {{"current_role", "vraq"}});
        });
    ASSERT_EQ(masters(), "1") << "round " << round << ": answers " << a << " and " << b;
    // One demotion went through; the other was refused (409) or came after its sender's own
    // demotion had revoked their login (401).
    EXPECT_TRUE((a == 200) != (b == 200)) << a << " " << b;
  }
}

TEST_F(Masters, TwoMastersDeletingEachOtherAtOnceLeaveOne) {
  for (int round = 0; round < race_rounds; ++round) {
    const auto n = std::to_string(round);
    const auto anna = add_member(server_, "anna" + n + "@example.com", "master");
    const auto bert = add_member(server_, "bert" + n + "@example.com", "master");
    // Only these two are masters now: the previous round's survivor goes.
    run_sql("DELETE FROM members WHERE login_email NOT IN ('" + anna.email + "', '" + bert.email +
            "')");
    const auto anna_token = login(server_, anna.email);
    const auto bert_token = login(server_, bert.email);
    const auto [a, b] = at_once(
        [&] { return send(http::verb::delete_, "/api/v1/members/" + bert.short_uuid, anna_token); },
        [&] {
          return send(http::verb::delete_, "/api/v1/members/" + anna.short_uuid, bert_token);
        });
    ASSERT_EQ(masters(), "1") << "round " << round << ": answers " << a << " and " << b;
  }
}

TEST_F(Masters, TheDatabaseRefusesToLoseTheLastMasterToo) {
  add_member(server_, "boss@example.com", "master");
  auto db = server_.database().connect();
  EXPECT_THROW(db.query("UPDATE members SET role = 'vraq'"), std::exception);
  EXPECT_THROW(db.query("DELETE FROM members"), std::exception);
  EXPECT_EQ(masters(), "1");
}

TEST_F(Masters, AdminPromoteRecoversAClubWithoutMasters) {
  // A database that lost its masters some other way (say, restored from an old dump).
  add_member(server_, "marshal@example.com", "marshal");
  const auto env = server_environment(server_.database().url());
  const auto promoted = run_tmeit({"admin", "promote", "MARSHAL@example.com"}, env);
  ASSERT_EQ(promoted.exit_code, 0) << promoted.output;
  EXPECT_NE(promoted.output.find("is now a master (was marshal)"), std::string::npos)
      << promoted.output;
  EXPECT_NE(promoted.output.find("the club has 1 master(s)"), std::string::npos);
  const auto token = login(server_, "marshal@example.com");
  EXPECT_EQ(json::parse(server_.get("/api/v1/me", bearer(token)).body()).at("current_role"),
            "master");
  EXPECT_EQ(scalar("SELECT count(*) FROM member_audit_log WHERE action = 'changed' AND "
                   "actor_uuid IS NULL AND changes -> 'current_role' ->> 'to' = 'master'"),
            "1");
  const auto again = run_tmeit({"admin", "promote", "marshal@example.com"}, env);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("was a master already"), std::string::npos) << again.output;
}

TEST_F(Masters, AdminPromoteNamesWhatIsWrong) {
  const auto env = server_environment(server_.database().url());
  const auto unknown = run_tmeit({"admin", "promote", "nobody@example.com"}, env);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("no member has the login email nobody@example.com"),
            std::string::npos)
      << unknown.output;
  EXPECT_EQ(run_tmeit({"admin"}, env).exit_code, 2);
  EXPECT_EQ(run_tmeit({"admin", "promote"}, env).exit_code, 2);
  EXPECT_EQ(run_tmeit({"admin", "demote", "x@example.com"}, env).exit_code, 2);
}

}  // namespace
}  // namespace tmeit::test
