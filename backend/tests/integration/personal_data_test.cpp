// GDPR self-service and records: a member downloads everything held about them; a master erases
// a member with everything held about them; the audit log says who changed whose role, permits
// or email, or deleted whom, and when.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/club_fixture.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

class PersonalData : public MasterAndMember {
 protected:
  PersonalData() { add_member(server_, "bert@example.com", "vraq"); }

  Response send(http::verb method, const std::string& target, const std::string& token,
                const json& body = nullptr) {
    return fetch(server_.port(), method, target, json_headers(bearer(token)),
                 body.is_null() ? std::string() : body.dump());
  }
  Response export_of(const TestMember& member, const std::string& token) {
    return server_.get("/api/v1/members/" + member.short_uuid + "/export", bearer(token));
  }
  std::string scalar(const std::string& sql) { return server_.database().connect().scalar(sql); }

  /// Data held about Anna besides her record: a sign-up, a queued mail, a reset request.
  void hold_more_about(const std::string& email) {
    scalar(
        "INSERT INTO sign_ups (email, first_name, last_name, phone, password_hash, client_ip) "
        "VALUES ('" +
        email + "', 'Anna', 'A', '070', 'x', '192.0.2.7') RETURNING 1");
    scalar("INSERT INTO email_jobs (recipient, subject, body_text) VALUES ('" + email +
           "', 'Hello', 'Hi Anna') RETURNING 1");
    scalar("INSERT INTO password_reset_requests (email) VALUES ('" + email + "') RETURNING 1");
  }
};

TEST_F(PersonalData, AMemberDownloadsEverythingHeldAboutThem) {
  ASSERT_EQ(send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, boss_,
                 {{"stad", "2026-02-01"}})
                .result_int(),
            200);
  hold_more_about("anna@example.com");
  const auto response = export_of(anna_, anna_token_);
  ASSERT_EQ(response.result_int(), 200) << response.body();
  EXPECT_EQ(header(response, "Content-Disposition"),
            "attachment; filename=\"tmeit-data-" + anna_.short_uuid + ".json\"");
  const auto data = json::parse(response.body());
  EXPECT_EQ(data.at("member").at("login_email"), "anna@example.com");
  EXPECT_EQ(data.at("member").at("stad"), "2026-02-01");
  EXPECT_EQ(data.at("member").at("has_password"), true);
  EXPECT_EQ(data.at("sign_ups").size(), 1U);
  EXPECT_EQ(data.at("sign_ups")[0].at("client_ip"), "192.0.2.7");
  EXPECT_EQ(data.at("emails").size(), 1U);
  EXPECT_EQ(data.at("emails")[0].at("body_text"), "Hi Anna");
  EXPECT_EQ(data.at("password_reset_requests").size(), 1U);
  EXPECT_EQ(data.at("photos"), json::array());
  // Her creation and the master's change of her training date, with who did it.
  const auto& changes = data.at("changes_to_your_record");
  ASSERT_EQ(changes.size(), 2U) << changes.dump();
  EXPECT_EQ(changes[1].at("actor_uuid"), boss_member_.uuid);
  EXPECT_EQ(changes[1].at("changes"), json({{"stad", {{"from", nullptr}, {"to", "2026-02-01"}}}}));
  EXPECT_TRUE(changes[1].at("at").get<std::string>().ends_with("+00:00"));
  // Secrets stay out.
  EXPECT_EQ(response.body().find("password_hash"), std::string::npos);
  EXPECT_EQ(response.body().find("$argon2"), std::string::npos);
}

TEST_F(PersonalData, OnlyTheMemberAndMastersMayDownload) {
  const auto bert = login(server_, "bert@example.com");
  EXPECT_TRUE(is_json_error(export_of(anna_, bert), 403));
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/members/" + anna_.short_uuid + "/export"), 401));
  EXPECT_EQ(export_of(anna_, boss_).result_int(), 200);
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/members/AAAAAAAA/export", bearer(boss_)), 404));
}

TEST_F(PersonalData, ChangesAMasterMadeShowWithoutTheOtherMembersValues) {
  ASSERT_EQ(send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, boss_,
                 {{"login_email", "anna.new@example.com"}})
                .result_int(),
            200);
  const auto data = json::parse(export_of(boss_member_, boss_).body());
  ASSERT_EQ(data.at("changes_you_made").size(), 1U);
  EXPECT_EQ(data.at("changes_you_made")[0].at("member_uuid"), anna_.uuid);
  EXPECT_FALSE(data.at("changes_you_made")[0].contains("changes"));
  EXPECT_EQ(export_of(boss_member_, boss_).body().find("anna.new@example.com"), std::string::npos);
}

TEST_F(PersonalData, ErasingAMemberLeavesNothingAboutThem) {
  // An email she had before, and data under both.
  ASSERT_EQ(send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, boss_,
                 {{"login_email", "anna.new@example.com"}, {"fest", "2026-03-01"}})
                .result_int(),
            200);
  hold_more_about("anna@example.com");
  hold_more_about("Anna.New@example.com");
  scalar(
      "INSERT INTO password_resets (token_hash, member_uuid, expires_at) VALUES "
      "(sha256('t'::bytea), '" +
      anna_.uuid + "', now() + interval '1 hour') RETURNING 1");
  request_token(server_, "anna.new@example.com", "wrong-password-1");  // a throttle counter
  const auto erased = send(http::verb::delete_, "/api/v1/members/" + anna_.short_uuid, boss_);
  ASSERT_EQ(erased.result_int(), 200) << erased.body();
  for (const std::string email : {"anna@example.com", "anna.new@example.com"}) {
    EXPECT_EQ(scalar("SELECT count(*) FROM email_jobs WHERE lower(recipient) = '" + email + "'"),
              "0");
    EXPECT_EQ(scalar("SELECT count(*) FROM sign_ups WHERE lower(email) = '" + email + "'"), "0");
    EXPECT_EQ(
        scalar("SELECT count(*) FROM password_reset_requests WHERE lower(email) = '" + email + "'"),
        "0");
    EXPECT_EQ(
        scalar("SELECT count(*) FROM throttle_hits WHERE key = throttle_key('" + email + "')"),
        "0");
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM members WHERE uuid = '" + anna_.uuid + "'"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM password_resets"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM member_audit_log WHERE member_uuid = '" + anna_.uuid +
                   "' AND changes <> '{}'"),
            "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM member_audit_log WHERE member_uuid = '" + anna_.uuid +
                   "' AND action = 'deleted' AND actor_uuid = '" + boss_member_.uuid + "'"),
            "1");
  // No text of hers is left anywhere in the audit log.
  EXPECT_EQ(scalar("SELECT count(*) FROM member_audit_log WHERE changes::text LIKE '%anna%'"), "0");
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/me", bearer(anna_token_)), 401));
  // The erasure ledger's source names her and her two sign-ups, so no restore brings them back.
  EXPECT_EQ(scalar("SELECT count(*) FROM erasures WHERE kind = 'member' AND subject_uuid = '" +
                   anna_.uuid + "'"),
            "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM erasures WHERE kind = 'sign_up'"), "2");
  // Others' data stays.
  EXPECT_EQ(scalar("SELECT count(*) FROM members"), "2");
}

TEST_F(PersonalData, MastersReadTheAuditLogNewestFirst) {
  const auto target = "/api/v1/members/" + anna_.short_uuid;
  ASSERT_EQ(send(http::verb::patch, target, boss_, {{"current_role", "marshal"}}).result_int(),
            200);
  ASSERT_EQ(send(http::verb::patch, target, anna_token_, {{"phone", "070-1"}}).result_int(), 401)
      << "the role change revoked her login";
  anna_token_ = login(server_, "anna@example.com");
  ASSERT_EQ(send(http::verb::patch, target, anna_token_, {{"login_email", "a2@example.com"}})
                .result_int(),
            200);
  ASSERT_EQ(send(http::verb::patch, target, boss_, {{"phone", "070-2"}}).result_int(), 200);
  const auto log = server_.get("/api/v1/audit_log/?limit=2", bearer(boss_));
  ASSERT_EQ(log.result_int(), 200) << log.body();
  const auto entries = json::parse(log.body());
  ASSERT_EQ(entries.size(), 2U) << entries.dump();  // a phone is no audited field
  EXPECT_EQ(entries[0].at("action"), "changed");
  EXPECT_EQ(entries[0].at("actor"),
            json({{"short_uuid", anna_.short_uuid}, {"name", "Test Member"}}));
  EXPECT_EQ(entries[0].at("member").at("short_uuid"), anna_.short_uuid);
  EXPECT_EQ(entries[0].at("changes"),
            json({{"login_email", {{"from", "anna@example.com"}, {"to", "a2@example.com"}}}}));
  EXPECT_EQ(entries[1].at("actor").at("short_uuid"), boss_member_.short_uuid);
  EXPECT_EQ(entries[1].at("changes"),
            json({{"current_role", {{"from", "vraq"}, {"to", "marshal"}}}}));
  const auto older = json::parse(server_.get("/api/v1/audit_log/?offset=2", bearer(boss_)).body());
  EXPECT_EQ(older.size(), 3U);  // the three members' creation
  EXPECT_EQ(older[2].at("action"), "created");
  EXPECT_EQ(older[2].at("actor"), nullptr);
  EXPECT_TRUE(is_json_error(
      server_.get("/api/v1/audit_log/", bearer(login(server_, "bert@example.com"))), 403));
  EXPECT_TRUE(is_json_error(server_.get("/api/v1/audit_log/?limit=0", bearer(boss_)), 422));
}

}  // namespace
}  // namespace tmeit::test
