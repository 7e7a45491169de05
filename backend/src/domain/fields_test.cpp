#include "domain/fields.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

constexpr std::string_view colours[] = {"red", "green"};

TEST(Fields, DatesStartAtTheYearOne) {
  const FieldSpec stad{.name = "stad", .type = FieldType::date, .nullable = true};
  EXPECT_EQ(field_problem(stad, "0000-06-15"),
            "must be a date like 2026-11-26, from the year 1 on");
}

TEST(Fields, DateTimesMustLieInTheYears1To9999InUtc) {
  const FieldSpec start{.name = "event_start", .type = FieldType::date_time};
  EXPECT_EQ(field_problem(start, "0001-01-01T00:30:00+01:00"),
            "must lie between the years 1 and 9999 in UTC");
  EXPECT_EQ(field_problem(start, "2026-11-26T18:00:00+16:00"),
            "must be an RFC 3339 date-time like 2026-11-26T18:00:00Z (UTC offsets up to 15:59)");
}

TEST(Fields, EmailsNeedOneAtAndNoSpaces) {
  EXPECT_TRUE(is_email("anna@example.com"));
  EXPECT_FALSE(is_email("anna.example.com"));
  EXPECT_FALSE(is_email("anna@@example.com"));
  EXPECT_FALSE(is_email("an na@example.com"));
  EXPECT_FALSE(is_email("@example.com"));
}

TEST(Fields, EmailsAreWhatTheMailerCanSendTo) {
  EXPECT_TRUE(is_email("first.last+club@sub.example.se"));
  EXPECT_TRUE(is_email("anna@xn--rksmrgs-5wao1o.se"));
  EXPECT_FALSE(is_email("anna@räksmörgås.se"));
  EXPECT_FALSE(is_email("åsa@example.com"));
  EXPECT_FALSE(is_email("anna\\x@example.com"));
  EXPECT_FALSE(is_email("anna..x@example.com"));
  EXPECT_FALSE(is_email(".anna@example.com"));
  EXPECT_FALSE(is_email("anna@.example.com"));
  EXPECT_FALSE(is_email(std::string(65, 'a') + "@example.com"));
  const FieldSpec email{
      .name = "email", .type = FieldType::email, .min_length = 3, .max_length = 254};
  EXPECT_EQ(field_problem(email, "åsa@example.com"),
            "must be an email address in plain ASCII: we cannot send mail to addresses with other "
            "letters (write an international domain in its xn-- form)");
  EXPECT_EQ(field_problem(email, "nope"), "must be an email address");
}

TEST(Fields, LinesOfOnlySpacesAreRefused) {
  const FieldSpec name{
      .name = "first_name", .type = FieldType::line, .min_length = 1, .max_length = 100};
  const FieldSpec phone{
      .name = "phone", .type = FieldType::line, .nullable = true, .max_length = 40};
  EXPECT_EQ(field_problem(name, "   "), "must not be only spaces");
  EXPECT_EQ(field_problem(name, "\u00A0\u3000\u200B"), "must not be only spaces");
  EXPECT_EQ(field_problem(phone, " "), "must not be only spaces");
  EXPECT_FALSE(field_problem(phone, ""));  // empty is a value where the field allows it
  EXPECT_FALSE(field_problem(name, " Anna "));
  const FieldSpec description{.name = "description", .type = FieldType::text, .max_length = 100};
  EXPECT_FALSE(field_problem(description, "   "));  // free text may be anything
}

TEST(Fields, TypesLengthsAndNullsAreChecked) {
  const FieldSpec name{.name = "name", .type = FieldType::line, .min_length = 1, .max_length = 5};
  EXPECT_FALSE(field_problem(name, "Anna"));
  EXPECT_EQ(field_problem(name, ""), "must not be empty");
  EXPECT_EQ(field_problem(name, "Annabel"), "must be at most 5 characters");
  EXPECT_FALSE(field_problem(name, "Åsa"));  // characters, not bytes
  EXPECT_EQ(field_problem(name, 5), "must be a string");
  EXPECT_EQ(field_problem(name, nullptr), "must not be null");
  EXPECT_EQ(field_problem(name, "a\nb"), "must not contain control characters");
  const FieldSpec nickname{
      .name = "nickname", .type = FieldType::line, .nullable = true, .max_length = 5};
  EXPECT_FALSE(field_problem(nickname, nullptr));
  EXPECT_FALSE(field_problem(nickname, ""));
}

TEST(Fields, BooleansAndChoices) {
  const FieldSpec flag{.name = "flag", .type = FieldType::boolean};
  EXPECT_FALSE(field_problem(flag, false));
  EXPECT_EQ(field_problem(flag, "false"), "must be a boolean");
  const FieldSpec colour{.name = "colour", .type = FieldType::choice, .choices = colours};
  EXPECT_FALSE(field_problem(colour, "red"));
  EXPECT_EQ(field_problem(colour, "blue"), "must be one of: red, green");
}

TEST(Fields, SchemasFollowTheSpec) {
  const FieldSpec colour{.name = "colour",
                         .type = FieldType::choice,
                         .nullable = true,
                         .choices = colours,
                         .description = "a colour"};
  const auto schema = field_schema(colour);
  EXPECT_EQ(schema.at("enum"), nlohmann::json({"red", "green"}));
  EXPECT_EQ(schema.at("nullable"), true);
  EXPECT_EQ(schema.at("description"), "a colour");
}

}  // namespace
}  // namespace tmeit::domain
