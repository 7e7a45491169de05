// POST /api/v1/members/send_test_email: masters check the mail path end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/club.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

class TestEmail : public ::testing::Test {
 protected:
  TestEmail() {
    add_member(server_, "boss@example.com", "master");
    add_member(server_, "vraq@example.com", "vraq");
    boss_ = login(server_, "boss@example.com");
  }

  Response send(const std::string& token, const std::string& body) {
    return fetch(server_.port(), http::verb::post, "/api/v1/members/send_test_email",
                 json_headers(bearer(token)), body);
  }

  std::string scalar(const std::string& sql) { return server_.database().connect().scalar(sql); }

  TestServer server_;
  std::string boss_;
};

TEST_F(TestEmail, GoesToTheCallerByDefault) {
  const auto response = send(boss_, "");
  ASSERT_EQ(response.result_int(), 202) << response.body();
  EXPECT_EQ(json::parse(response.body()).at("to"), "boss@example.com");
  EXPECT_EQ(scalar("SELECT recipient || ' ' || subject FROM email_jobs"),
            "boss@example.com TMEIT test email");
}

TEST_F(TestEmail, GoesToTheGivenAddress) {
  const auto response = send(boss_, json({{"to", "ops@example.org"}}).dump());
  ASSERT_EQ(response.result_int(), 202) << response.body();
  EXPECT_EQ(scalar("SELECT recipient FROM email_jobs"), "ops@example.org");
}

TEST_F(TestEmail, RefusesBadInputAndNonMasters) {
  EXPECT_TRUE(is_json_error(send(boss_, json({{"to", "nope"}}).dump()), 422));
  EXPECT_TRUE(is_json_error(send(boss_, json({{"to", 5}}).dump()), 422));
  EXPECT_TRUE(is_json_error(send(boss_, json({{"cc", "a@example.org"}}).dump()), 400));
  EXPECT_TRUE(is_json_error(send(login(server_, "vraq@example.com"), ""), 403));
  EXPECT_TRUE(is_json_error(fetch(server_.port(), http::verb::post,
                                  "/api/v1/members/send_test_email", json_headers(), ""),
                            401));
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs"), "0");
}

}  // namespace
}  // namespace tmeit::test
