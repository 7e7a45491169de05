#include "domain/fields.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

constexpr std::string_view colours[] = {"red", "green"};

TEST(Fields, DatesMustBeRealCalendarDays) {
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_FALSE(is_date("2023-13-01"));
  EXPECT_FALSE(is_date("2023-1-01"));
  EXPECT_FALSE(is_date("20230101"));
}

TEST(Fields, DateTimesNeedSecondsAndAZone) {
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00Z"));
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00.250+01:00"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00"));
  EXPECT_FALSE(is_date_time("2026-11-26 18:00"));
  EXPECT_FALSE(is_date_time("2026-11-26T24:00:00Z"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00+1:00"));
}

TEST(Fields, EmailsNeedOneAtAndNoSpaces) {
  EXPECT_TRUE(is_email("anna@example.com"));
  EXPECT_FALSE(is_email("anna.example.com"));
  EXPECT_FALSE(is_email("anna@@example.com"));
  EXPECT_FALSE(is_email("an na@example.com"));
  EXPECT_FALSE(is_email("@example.com"));
}

TEST(Fields, TypesLengthsAndNullsAreChecked) {
  const FieldSpec name{"name", FieldType::line, false, 1, 5};
  EXPECT_FALSE(field_problem(name, "Anna"));
  EXPECT_EQ(field_problem(name, ""), "must not be empty");
  EXPECT_EQ(field_problem(name, "Annabel"), "must be at most 5 characters");
  EXPECT_FALSE(field_problem(name, "Åsa"));  // characters, not bytes
  EXPECT_EQ(field_problem(name, 5), "must be a string");
  EXPECT_EQ(field_problem(name, nullptr), "must not be null");
  EXPECT_EQ(field_problem(name, "a\nb"), "must not contain control characters");
  const FieldSpec nickname{"nickname", FieldType::line, true, 0, 5};
  EXPECT_FALSE(field_problem(nickname, nullptr));
  EXPECT_FALSE(field_problem(nickname, ""));
}

TEST(Fields, BooleansAndChoices) {
  const FieldSpec flag{"flag", FieldType::boolean};
  EXPECT_FALSE(field_problem(flag, false));
  EXPECT_EQ(field_problem(flag, "false"), "must be a boolean");
  const FieldSpec colour{"colour", FieldType::choice, false, 0, 0, colours};
  EXPECT_FALSE(field_problem(colour, "red"));
  EXPECT_EQ(field_problem(colour, "blue"), "must be one of: red, green");
}

TEST(Fields, SchemasFollowTheSpec) {
  const FieldSpec colour{"colour", FieldType::choice, true, 0, 0, colours, "a colour"};
  const auto schema = field_schema(colour);
  EXPECT_EQ(schema.at("enum"), nlohmann::json({"red", "green"}));
  EXPECT_EQ(schema.at("nullable"), true);
  EXPECT_EQ(schema.at("description"), "a colour");
}

}  // namespace
}  // namespace tmeit::domain
