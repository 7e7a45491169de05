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
  SignUpForm parsed;
  EXPECT_TRUE(sign_up_from_json(form(), parsed).ok());
  EXPECT_EQ(parsed.email, "a@example.com");
  EXPECT_FALSE(parsed.nickname);
}

TEST(SignUpFields, PhoneIsOptionalAndEmptyMeansNone) {
  for (const json& phone : {json(nullptr), json("")}) {
    auto body = form();
    body["phone"] = phone;
    SignUpForm parsed;
    ASSERT_TRUE(sign_up_from_json(body, parsed).ok()) << phone;
    EXPECT_FALSE(parsed.phone) << phone;
  }
  auto body = form();
  body.erase("phone");
  SignUpForm without_phone;
  EXPECT_TRUE(sign_up_from_json(body, without_phone).ok());
  SignUpForm with_phone;
  ASSERT_TRUE(sign_up_from_json(form(), with_phone).ok());
  EXPECT_EQ(with_phone.phone, "070-1");
}

TEST(SignUpFields, NamesAnUnknownField) {
  auto body = form();
  body["role"] = "master";
  SignUpForm parsed;
  const auto problems = sign_up_from_json(body, parsed);
  EXPECT_EQ(problems.refused_field, "role");
  EXPECT_EQ(problems.refusal, "unknown field: role");
}

TEST(SignUpFields, ListsEveryMissingOrInvalidField) {
  const json body{{"login_email", "nope"}, {"nickname", 3}, {"phone", 4}};
  SignUpForm parsed;
  const auto problems = sign_up_from_json(body, parsed);
  EXPECT_FALSE(problems.ok());
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
