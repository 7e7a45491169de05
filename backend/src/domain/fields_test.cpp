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

TEST(Fields, DatesStartAtTheYearOne) {
  EXPECT_FALSE(is_date("0000-01-01"));
  EXPECT_TRUE(is_date("0001-01-01"));
  EXPECT_TRUE(is_date("9999-12-31"));
  const FieldSpec stad{"stad", FieldType::date, true};
  EXPECT_EQ(field_problem(stad, "0000-06-15"),
            "must be a date like 2026-11-26, from the year 1 on");
}

TEST(Fields, ZoneOffsetsGoUpTo1559) {
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00+15:59"));
  EXPECT_TRUE(is_date_time("2026-11-26T18:00:00-15:59"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00+16:00"));
  EXPECT_FALSE(is_date_time("2026-11-26T18:00:00-23:59"));
}

TEST(Fields, StorableDateTimesLieInTheYears1To9999InUtc) {
  EXPECT_TRUE(is_storable_date_time("0001-01-01T00:00:00Z"));
  EXPECT_TRUE(is_storable_date_time("9999-12-31T23:59:59.999999Z"));
  EXPECT_TRUE(is_storable_date_time("0001-01-01T10:00:00+10:00"));
  EXPECT_FALSE(is_storable_date_time("0001-01-01T00:00:00+01:00"));  // 0000-12-31 in UTC: 1 BC
  EXPECT_FALSE(is_storable_date_time("9999-12-31T23:30:00-01:00"));  // the year 10000 in UTC
  EXPECT_FALSE(is_storable_date_time("0000-01-01T00:00:00Z"));
  const FieldSpec start{"event_start", FieldType::date_time};
  EXPECT_EQ(field_problem(start, "0001-01-01T00:30:00+01:00"),
            "must lie between the years 1 and 9999 in UTC");
  EXPECT_EQ(field_problem(start, "2026-11-26T18:00:00+16:00"),
            "must be an RFC 3339 date-time like 2026-11-26T18:00:00Z (UTC offsets up to 15:59)");
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
  const FieldSpec email{"email", FieldType::email, false, 3, 254};
  EXPECT_EQ(field_problem(email, "åsa@example.com"),
            "must be an email address in plain ASCII: we cannot send mail to addresses with other "
            "letters (write an international domain in its xn-- form)");
  EXPECT_EQ(field_problem(email, "nope"), "must be an email address");
}

TEST(Fields, LinesOfOnlySpacesAreRefused) {
  const FieldSpec name{"first_name", FieldType::line, false, 1, 100};
  const FieldSpec phone{"phone", FieldType::line, true, 0, 40};
  EXPECT_EQ(field_problem(name, "   "), "must not be only spaces");
  EXPECT_EQ(field_problem(name, "\u00A0\u3000\u200B"), "must not be only spaces");
  EXPECT_EQ(field_problem(phone, " "), "must not be only spaces");
  EXPECT_FALSE(field_problem(phone, ""));  // empty is a value where the field allows it
  EXPECT_FALSE(field_problem(name, " Anna "));
  const FieldSpec description{"description", FieldType::text, false, 0, 100};
  EXPECT_FALSE(field_problem(description, "   "));  // free text may be anything
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
