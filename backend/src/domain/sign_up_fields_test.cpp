#include "domain/sign_up_fields.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

using nlohmann::json;

json form() {
  return {{"email", "a@example.com"},
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

TEST(SignUpFields, NamesAnUnknownField) {
  auto body = form();
  body["role"] = "master";
  SignUpProblems problems;
  EXPECT_FALSE(sign_up_from_json(body, problems));
  EXPECT_EQ(problems.unknown_field, "role");
}

TEST(SignUpFields, ListsEveryMissingOrInvalidField) {
  SignUpProblems problems;
  const json body{{"email", "nope"}, {"nickname", 3}};
  EXPECT_FALSE(sign_up_from_json(body, problems));
  for (const auto* field : {"email", "nickname", "first_name", "last_name", "phone", "password"}) {
    EXPECT_TRUE(problems.invalid.contains(field)) << field;
  }
}

TEST(SignUpFields, ViewsNeverHoldTheHash) {
  SignUp sign_up;
  sign_up.uuid = "u";
  sign_up.password_hash = "$argon2id$secret";
  EXPECT_FALSE(sign_up_json(sign_up).contains("password_hash"));
  EXPECT_EQ(sign_up_status_json(sign_up),
            json({{"uuid", "u"}, {"first_name", ""}, {"status", "pending"}}));
  EXPECT_EQ(sign_up_schema().at("properties").count("password"), 0U);
  EXPECT_EQ(sign_up_form_schema().at("properties").at("password").at("format"), "password");
}

}  // namespace
}  // namespace tmeit::domain
