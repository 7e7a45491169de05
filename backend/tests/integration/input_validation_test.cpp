// Input the validator used to let through and the database then refused (a 500) or stored
// wrongly: dates in the year 0, UTC offsets past ±15:59, instants outside the years 1-9999,
// names, titles and phones of only spaces, emails our mailer cannot send to, and a login
// username that is not UTF-8. All are 422s
// naming the field now; the edges that are fine round-trip unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/club_fixture.hpp"
#include "support/http_assertions.hpp"

namespace tmeit::test {
namespace {

using nlohmann::json;

/// Success when `response` is a 422 whose body names `field`.
::testing::AssertionResult refuses(const Response& response, const std::string& field) {
  if (!is_json_error(response, 422)) {
    return ::testing::AssertionFailure() << response.result_int() << " " << response.body();
  }
  if (response.body().find("\"" + field + "\"") == std::string::npos &&
      response.body().find(field + ":") == std::string::npos) {
    return ::testing::AssertionFailure() << "does not name " << field << ": " << response.body();
  }
  return ::testing::AssertionSuccess();
}

class InputValidation : public MasterAndMember {
 protected:
  Response send(http::verb method, const std::string& target, const std::string& token,
                const json& body) {
    auto headers = token.empty() ? json_headers() : json_headers(bearer(token));
    return fetch(server_.port(), method, target, headers, body.dump());
  }
  Response patch_anna(const std::string& token, const json& body) {
    return send(http::verb::patch, "/api/v1/members/" + anna_.short_uuid, token, body);
  }
  Response create_event(const json& fields) {
    json body{{"title", "Pub"}, {"event_start", "2030-01-01T18:00:00Z"}};
    body.update(fields);
    return send(http::verb::post, "/api/v1/events/create", boss_, body);
  }
};

TEST_F(InputValidation, PermitDatesInTheYearZeroAre422) {
  for (const char* field : {"stad", "fest", "liquor_permit"}) {
    EXPECT_TRUE(refuses(patch_anna(boss_, {{field, "0000-06-15"}}), field));
  }
  const auto fine = patch_anna(boss_, {{"stad", "0001-01-01"}});
  ASSERT_EQ(fine.result_int(), 200) << fine.body();
  EXPECT_EQ(json::parse(fine.body()).at("stad"), "0001-01-01");
}

TEST_F(InputValidation, EventTimesOutsideWhatRoundTripsAre422) {
  EXPECT_TRUE(refuses(create_event({{"event_start", "0000-06-01T18:00:00Z"}}), "event_start"));
  EXPECT_TRUE(refuses(create_event({{"event_start", "2030-01-01T18:00:00+16:00"}}), "event_start"));
  EXPECT_TRUE(refuses(create_event({{"event_start", "2030-01-01T18:00:00-23:59"}}), "event_start"));
  // 1 BC and the year 10000 in UTC, though the text has a four-digit year.
  EXPECT_TRUE(refuses(create_event({{"event_start", "0001-01-01T00:30:00+01:00"}}), "event_start"));
  EXPECT_TRUE(refuses(create_event({{"event_end", "9999-12-31T23:30:00-01:00"}}), "event_end"));
  EXPECT_TRUE(refuses(create_event({{"event_end", "0000-01-01T00:00:00Z"}}), "event_end"));
}

TEST_F(InputValidation, TheEdgesThatFitRoundTripUnchanged) {
  const auto first = create_event(
      {{"event_start", "0001-01-01T00:00:00Z"}, {"event_end", "9999-12-31T23:59:59Z"}});
  ASSERT_EQ(first.result_int(), 200) << first.body();
  EXPECT_EQ(json::parse(first.body()).at("event_start"), "0001-01-01T00:00:00+00:00");
  EXPECT_EQ(json::parse(first.body()).at("event_end"), "9999-12-31T23:59:59+00:00");
  const auto far_east = create_event({{"event_start", "2030-01-01T18:00:00+15:59"}});
  ASSERT_EQ(far_east.result_int(), 200) << far_east.body();
  EXPECT_EQ(json::parse(far_east.body()).at("event_start"), "2030-01-01T02:01:00+00:00");
}

TEST_F(InputValidation, NamesTitlesAndPhonesOfOnlySpacesAre422) {
  EXPECT_TRUE(refuses(patch_anna(boss_, {{"first_name", "   "}}), "first_name"));
  EXPECT_TRUE(refuses(patch_anna(boss_, {{"last_name", "\u00a0\u3000"}}), "last_name"));
  EXPECT_TRUE(refuses(patch_anna(anna_token_, {{"nickname", "  "}}), "nickname"));
  EXPECT_TRUE(refuses(patch_anna(anna_token_, {{"phone", " "}}), "phone"));
  EXPECT_TRUE(refuses(create_event({{"title", "    "}}), "title"));
  const json sign_up{{"login_email", "new@example.com"},
                     {"first_name", "Sigrid"},
                     {"last_name", "Nilsson"},
                     {"phone", "   "},
                     {"password", "lantern-walrus-violet-83"}};
  EXPECT_TRUE(refuses(send(http::verb::post, "/api/v1/sign_up/sign_up", "", sign_up), "phone"));
  // Empty is still a value where the field allows it.
  EXPECT_EQ(patch_anna(anna_token_, {{"nickname", ""}}).result_int(), 200);
}

TEST_F(InputValidation, EmailsTheMailerCannotSendToAreRefusedAtInput) {
  for (const char* email :
       {"åsa@example.com", "anna@exämple.com", "anna@xn--exmple-cua.com\u200b"}) {
    EXPECT_TRUE(refuses(patch_anna(anna_token_, {{"login_email", email}}), "login_email")) << email;
    EXPECT_TRUE(refuses(send(http::verb::post, "/api/v1/members/create", boss_,
                             {{"login_email", email}, {"first_name", "A"}, {"last_name", "B"}}),
                        "login_email"))
        << email;
    EXPECT_TRUE(refuses(send(http::verb::put, "/api/v1/reset", "", {{"email", email}}), "email"))
        << email;
  }
  // The ASCII form of an international domain is fine.
  EXPECT_EQ(patch_anna(anna_token_, {{"login_email", "anna@xn--exmple-cua.com"}}).result_int(),
            200);
}

TEST_F(InputValidation, ALoginUsernameThatIsNotUtf8Is422) {
  for (const char* username : {"%ff", "anna%C0%AF%40example.com", "%ED%A0%80"}) {
    const auto response =
        fetch(server_.port(), http::verb::post, "/api/v1/token",
              {{"Content-Type", "application/x-www-form-urlencoded"}},
              std::string("username=") + username + "&password=lantern-walrus-violet-83");
    EXPECT_TRUE(refuses(response, "username")) << username;
  }
}

}  // namespace
}  // namespace tmeit::test
