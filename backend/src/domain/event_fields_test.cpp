#include "domain/event_fields.hpp"

#include <gtest/gtest.h>

namespace tmeit::domain {
namespace {

using nlohmann::json;

Event sample() {
  Event event;
  event.uuid = "0b5c8a9e-4f0e-4c1a-9a57-0f6f0d2b1c3a";
  event.title = "Pub";
  event.event_start = "2026-11-26T18:00:00Z";
  event.event_end = "2026-11-26T23:00:00Z";
  event.visibility = "public";
  return event;
}

TEST(EventFields, ParseDateTimeHonoursTheZone) {
  EXPECT_EQ(parse_date_time("2026-11-26T19:00:00+01:00"), parse_date_time("2026-11-26T18:00:00Z"));
  EXPECT_LT(parse_date_time("2026-11-26T18:00:00.5Z"), parse_date_time("2026-11-26T18:00:01Z"));
  EXPECT_FALSE(parse_date_time("2026-11-26 18:00"));
}

TEST(EventFields, IsUuidAcceptsOnlyCanonicalText) {
  EXPECT_TRUE(is_uuid("0b5c8a9e-4f0e-4c1a-9a57-0f6f0d2b1c3A"));
  EXPECT_FALSE(is_uuid("0b5c8a9e4f0e4c1a9a570f6f0d2b1c3a"));
  EXPECT_FALSE(is_uuid("zb5c8a9e-4f0e-4c1a-9a57-0f6f0d2b1c3a"));
}

TEST(EventFields, PatchRejectsUnknownAndReadOnlyFields) {
  auto event = sample();
  EXPECT_EQ(apply_event_patch(event, {{"colour", "red"}}).unknown_field, "colour");
  EXPECT_EQ(apply_event_patch(event, {{"uuid", "x"}}).unknown_field, "uuid");
}

TEST(EventFields, PatchChecksOrderAfterMerging) {
  auto event = sample();
  const auto problems = apply_event_patch(event, {{"event_start", "2026-11-27T00:00:00Z"}});
  EXPECT_TRUE(problems.invalid.contains("event_end"));
  EXPECT_EQ(event.event_start, "2026-11-26T18:00:00Z");
}

TEST(EventFields, PatchMayClearOnlyTheEnd) {
  auto event = sample();
  EXPECT_TRUE(apply_event_patch(event, {{"event_end", nullptr}}).ok());
  EXPECT_FALSE(event.event_end);
  EXPECT_TRUE(apply_event_patch(event, {{"title", nullptr}}).invalid.contains("title"));
}

TEST(EventFields, CreateNeedsTitleAndStart) {
  EventPatchProblems problems;
  EXPECT_FALSE(event_from_create(json::object(), problems));
  EXPECT_TRUE(problems.invalid.contains("title"));
  EXPECT_TRUE(problems.invalid.contains("event_start"));
  EventPatchProblems fine;
  const auto event =
      event_from_create({{"title", "Gasque"}, {"event_start", "2026-11-26T18:00:00Z"}}, fine);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->visibility, "internal");
}

TEST(EventFields, SchemaListsEveryField) {
  const auto schema = event_schema();
  EXPECT_EQ(schema["properties"].size(), 9U);
  EXPECT_EQ(schema["properties"]["visibility"]["enum"].size(), 3U);
  EXPECT_TRUE(event_patch_schema()["properties"]["event_end"]["nullable"].get<bool>());
  EXPECT_FALSE(event_patch_schema()["properties"].contains("uuid"));
}

}  // namespace
}  // namespace tmeit::domain
