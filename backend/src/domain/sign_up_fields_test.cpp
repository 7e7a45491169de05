#include "domain/sign_up_fields.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

using nlohmann::json;

json form() {
  return {{"login_email", "a@example.com"},
          {"first_name", "A"},
          {"last_name", "B"},
          {"phone", "070-1"},
          {"password", "secret"}};
}

TEST(SignUpFields, AcceptsACompleteFormWithoutANickname) {
  SignUpProblems problems;
  const auto parsed = sign_up_from_json(form(), problems);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(problems.ok());
  EXPECT_EQ(parsed->email, "a@example.com");
  EXPECT_FALSE(parsed->nickname);
}

TEST(SignUpFields, PhoneIsOptionalAndEmptyMeansNone) {
  for (const json& phone : {json(nullptr), json("")}) {
    auto body = form();
    body["phone"] = phone;
    SignUpProblems problems;
    const auto parsed = sign_up_from_json(body, problems);
    ASSERT_TRUE(parsed) << phone;
    EXPECT_FALSE(parsed->phone) << phone;
  }
  auto body = form();
  body.erase("phone");
  SignUpProblems problems;
  ASSERT_TRUE(sign_up_from_json(body, problems));
  EXPECT_EQ(sign_up_from_json(form(), problems)->phone, "070-1");
}

TEST(SignUpFields, NamesAnUnknownField) {
  auto body = form();
  body["role"] = "master";
  SignUpProblems problems;
  EXPECT_FALSE(sign_up_from_json(body, problems));
  EXPECT_EQ(problems.unknown_field, "role");
}

TEST(SignUpFields, ListsEveryMissingOrInvalidField) {
  SignUpProblems problems;
  const json body{{"login_email", "nope"}, {"nickname", 3}, {"phone", 4}};
  EXPECT_FALSE(sign_up_from_json(body, problems));
  for (const auto* field :
       {"login_email", "nickname", "first_name", "last_name", "phone", "password"}) {
    EXPECT_TRUE(problems.invalid.contains(field)) << field;
  }
}

TEST(SignUpFields, ViewsNeverHoldTheHash) {
  SignUp sign_up;
  sign_up.uuid = "u";
  sign_up.password_hash = "$argon2id$secret";
  sign_up.client_ip = "192.0.2.7";
  EXPECT_FALSE(sign_up_json(sign_up).contains("password_hash"));
  EXPECT_FALSE(sign_up_json(sign_up).contains("ip_address"));
  EXPECT_EQ(pending_sign_up_json(sign_up).at("ip_address"), "192.0.2.7");
  EXPECT_FALSE(pending_sign_up_json(sign_up).contains("password_hash"));
  EXPECT_EQ(sign_up_status_json(sign_up),
            json({{"uuid", "u"}, {"first_name", ""}, {"status", "pending"}}));
  EXPECT_EQ(sign_up_schema().at("properties").count("password"), 0U);
  EXPECT_EQ(sign_up_form_schema().at("properties").at("password").at("format"), "password");
}

}  // namespace
}  // namespace tmeit::domain
