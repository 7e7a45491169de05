// Sign-ups: the public form, its limits and duplicates, and the masters' approve/delete queue.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/club.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

constexpr const char* sign_up_password = "lantern-walrus-violet-83";

json form(const std::string& email) {
  return {{"login_email", email},   {"first_name", "Sigrid"}, {"nickname", nullptr},
          {"last_name", "Nilsson"}, {"phone", "070-1112233"}, {"password", sign_up_password}};
}

class SignUps : public ::testing::Test {
 protected:
  explicit SignUps(const std::string& per_address = "100")
      : server_({.env = {{"TMEIT_SIGN_UPS_PER_ADDRESS", per_address}}}) {
    add_member(server_, "boss@example.com", "master");
    add_member(server_, "vraq@example.com", "vraq");
    boss_ = login(server_, "boss@example.com");
  }

  Response send(http::verb method, const std::string& target, const Headers& headers,
                const std::string& body = {}) {
    return fetch(server_.port(), method, target, headers, body);
  }

  Response sign_up(const json& body) {
    return send(http::verb::post, "/api/v1/sign_up/sign_up", json_headers(), body.dump());
  }

  /// Signs up `email` and returns the new sign-up's uuid.
  std::string signed_up(const std::string& email) {
    const auto response = sign_up(form(email));
    EXPECT_EQ(response.result_int(), 200) << response.body();
    return json::parse(response.body()).at("uuid").get<std::string>();
  }

  std::string scalar(const std::string& sql) { return server_.database().connect().scalar(sql); }

  TestServer server_;
  std::string boss_;
};

TEST_F(SignUps, StoresThePendingSignUpWithItsAddressAndQueuesAMail) {
  const auto response = sign_up(form("sigrid@example.com"));
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto body = json::parse(response.body());
  EXPECT_EQ(body.at("status"), "pending");
  EXPECT_EQ(body.at("login_email"), "sigrid@example.com");
  EXPECT_EQ(body.at("phone"), "070-1112233");
  EXPECT_TRUE(body.at("nickname").is_null());
  EXPECT_FALSE(body.contains("password_hash"));
  EXPECT_FALSE(body.contains("password"));
  const auto uuid = body.at("uuid").get<std::string>();
  EXPECT_EQ(scalar("SELECT host(client_ip) FROM sign_ups WHERE uuid = '" + uuid + "'"),
            "127.0.0.1");
  EXPECT_EQ(scalar("SELECT password_hash LIKE '$argon2id$%' FROM sign_ups"), "t");
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs WHERE recipient = 'sigrid@example.com' "
                   "AND subject LIKE '%application%' AND body_text LIKE '%" +
                   uuid + "%'"),
            "1");
}

TEST_F(SignUps, ValidatesEveryField) {
  auto body = form("bad");
  body["first_name"] = "";
  body.erase("phone");
  const auto response = sign_up(body);
  ASSERT_TRUE(is_json_error(response, 422)) << response.body();
  const auto detail = field_errors(response);
  EXPECT_TRUE(detail.contains("login_email"));
  EXPECT_TRUE(detail.contains("first_name"));
  EXPECT_FALSE(detail.contains("phone"));  // optional, as in the original
  EXPECT_EQ(scalar("SELECT count(*) FROM sign_ups"), "0");
}

TEST_F(SignUps, WrongJsonTypesAreRefusedFieldByField) {
  for (const auto* field :
       {"login_email", "first_name", "nickname", "last_name", "phone", "password"}) {
    for (const json& wrong : {json(42), json(true), json::array({"x"}), json::object()}) {
      auto body = form("types@example.com");
      body[field] = wrong;
      const auto response = sign_up(body);
      ASSERT_TRUE(is_json_error(response, 422)) << field << ": " << response.body();
      EXPECT_TRUE(field_errors(response).contains(field)) << field;
    }
  }
  auto null_email = form("types@example.com");
  null_email["login_email"] = nullptr;
  EXPECT_TRUE(is_json_error(sign_up(null_email), 422));
  EXPECT_EQ(scalar("SELECT count(*) FROM sign_ups"), "0");
}

TEST_F(SignUps, AnUnknownFieldIsA400NamingIt) {
  auto body = form("extra@example.com");
  body["current_role"] = "master";
  const auto response = sign_up(body);
  ASSERT_TRUE(is_json_error(response, 400));
  EXPECT_TRUE(field_errors(response).contains("current_role"));
  EXPECT_TRUE(is_json_error(
      send(http::verb::post, "/api/v1/sign_up/sign_up", json_headers(), "{not json"), 400));
}

TEST_F(SignUps, AWeakPasswordIsA422WithTheReason) {
  auto body = form("weak@example.com");
  body["password"] = "password1";
  auto response = sign_up(body);
  ASSERT_TRUE(is_json_error(response, 422));
  EXPECT_TRUE(field_errors(response).contains("password"));
  body["password"] = "SigridNilsson";  // the user's own names count as known words
  response = sign_up(body);
  EXPECT_TRUE(is_json_error(response, 422)) << response.body();
}

TEST_F(SignUps, AnEmailIsTakenByAMemberOrAnotherSignUpInAnyCase) {
  EXPECT_TRUE(is_json_error(sign_up(form("VRAQ@example.com")), 409));
  signed_up("first@example.com");
  EXPECT_TRUE(is_json_error(sign_up(form("First@Example.com")), 409));
  EXPECT_EQ(scalar("SELECT count(*) FROM sign_ups"), "1");
}

TEST_F(SignUps, MastersListPendingSignUpsWithoutHashes) {
  signed_up("one@example.com");
  signed_up("two@example.com");
  const auto response = send(http::verb::get, "/api/v1/sign_up/", bearer(boss_));
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto list = json::parse(response.body());
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[0].at("login_email"), "one@example.com");
  EXPECT_EQ(list[1].at("login_email"), "two@example.com");
  for (const auto& item : list) {
    EXPECT_FALSE(item.contains("password_hash"));
    EXPECT_EQ(item.at("phone"), "070-1112233");
    EXPECT_TRUE(item.contains("time_created"));
    EXPECT_EQ(item.at("ip_address"), "127.0.0.1");
  }
  const auto vraq = login(server_, "vraq@example.com");
  EXPECT_TRUE(is_json_error(send(http::verb::get, "/api/v1/sign_up/", bearer(vraq)), 403));
  EXPECT_TRUE(is_json_error(send(http::verb::get, "/api/v1/sign_up/", {}), 401));
}

TEST_F(SignUps, TheUuidShowsOnlyTheStatus) {
  const auto uuid = signed_up("status@example.com");
  const auto response = send(http::verb::get, "/api/v1/sign_up/" + uuid, {});
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const auto body = json::parse(response.body());
  EXPECT_EQ(body, json({{"uuid", uuid}, {"first_name", "Sigrid"}, {"status", "pending"}}));
  EXPECT_TRUE(is_json_error(
      send(http::verb::get, "/api/v1/sign_up/00000000-0000-4000-8000-000000000000", {}), 404));
  EXPECT_TRUE(is_json_error(send(http::verb::get, "/api/v1/sign_up/not-a-uuid", {}), 404));
}

TEST_F(SignUps, ApprovalMakesAPraoWhoLogsInWithTheSignUpPassword) {
  auto body = form("approve@example.com");
  body["nickname"] = "Siggan";
  const auto created = sign_up(body);
  ASSERT_EQ(created.result_int(), 200) << created.body();
  const auto uuid = json::parse(created.body()).at("uuid").get<std::string>();
  const auto approved = send(http::verb::post, "/api/v1/sign_up/approve/" + uuid, bearer(boss_));
  ASSERT_EQ(approved.result_int(), 200) << approved.body();
  const auto member = json::parse(approved.body());
  EXPECT_EQ(member.at("current_role"), "prao");
  EXPECT_EQ(member.at("login_email"), "approve@example.com");
  EXPECT_EQ(member.at("phone"), "070-1112233");
  EXPECT_EQ(member.at("nickname"), "Siggan");
  EXPECT_EQ(member.at("first_name"), "Sigrid");
  EXPECT_FALSE(member.contains("password_hash"));
  EXPECT_NO_THROW(login(server_, "approve@example.com", sign_up_password));
  // The sign-up is gone; its status and a second approval are 404.
  EXPECT_TRUE(is_json_error(send(http::verb::get, "/api/v1/sign_up/" + uuid, {}), 404));
  EXPECT_TRUE(
      is_json_error(send(http::verb::post, "/api/v1/sign_up/approve/" + uuid, bearer(boss_)), 404));
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs WHERE recipient = 'approve@example.com' "
                   "AND subject = 'Welcome to TMEIT'"),
            "1");
}

TEST_F(SignUps, ApprovalIsA409WhenAMemberTookTheEmailMeanwhile) {
  const auto uuid = signed_up("race@example.com");
  add_member(server_, "RACE@example.com", "vraq");
  EXPECT_TRUE(
      is_json_error(send(http::verb::post, "/api/v1/sign_up/approve/" + uuid, bearer(boss_)), 409));
  // Nothing changed: the sign-up waits, no welcome mail went out.
  EXPECT_EQ(scalar("SELECT count(*) FROM sign_ups"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs WHERE subject = 'Welcome to TMEIT'"), "0");
}

TEST_F(SignUps, OnlyMastersApproveOrDelete) {
  const auto uuid = signed_up("guarded@example.com");
  const auto vraq = login(server_, "vraq@example.com");
  EXPECT_TRUE(
      is_json_error(send(http::verb::post, "/api/v1/sign_up/approve/" + uuid, bearer(vraq)), 403));
  EXPECT_TRUE(
      is_json_error(send(http::verb::delete_, "/api/v1/sign_up/" + uuid, bearer(vraq)), 403));
  EXPECT_TRUE(is_json_error(send(http::verb::post, "/api/v1/sign_up/approve/" + uuid, {}), 401));
  EXPECT_TRUE(is_json_error(
      send(http::verb::post, "/api/v1/sign_up/approve/not-a-uuid", bearer(boss_)), 404));
}

TEST_F(SignUps, MastersDeleteSignUps) {
  const auto uuid = signed_up("gone@example.com");
  const auto deleted = send(http::verb::delete_, "/api/v1/sign_up/" + uuid, bearer(boss_));
  EXPECT_EQ(deleted.result_int(), 204) << deleted.body();
  EXPECT_TRUE(
      is_json_error(send(http::verb::delete_, "/api/v1/sign_up/" + uuid, bearer(boss_)), 404));
  EXPECT_TRUE(is_json_error(send(http::verb::get, "/api/v1/sign_up/" + uuid, {}), 404));
  // The email is free again.
  signed_up("gone@example.com");
}

class SignUpLimit : public SignUps {
 protected:
  SignUpLimit() : SignUps("2") {}
};

TEST_F(SignUpLimit, TooManySignUpsFromOneAddressAre429WithRetryAfter) {
  signed_up("a@example.com");
  signed_up("b@example.com");
  const auto refused = sign_up(form("c@example.com"));
  ASSERT_TRUE(is_json_error(refused, 429)) << refused.body();
  const auto retry_after = std::stoi(header(refused, "Retry-After"));
  EXPECT_GT(retry_after, 3000);
  EXPECT_LE(retry_after, 3600);
  // Counted in the database (throttle_hits, shared by every replica): an hour later the address
  // may sign up again.
  EXPECT_EQ(scalar("WITH moved AS (UPDATE throttle_hits SET hits = ARRAY(SELECT h - interval "
                   "'61 minutes' FROM unnest(hits) AS h) WHERE scope = 'sign_up_address' "
                   "RETURNING 1) SELECT count(*) FROM moved"),
            "1");
  signed_up("c@example.com");
}

}  // namespace
}  // namespace tmeit::test
