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

TEST(EventFields, PatchRejectsUnknownAndReadOnlyFields) {
  auto event = sample();
  const auto colour = apply_event_patch(event, {{"colour", "red"}});
  EXPECT_EQ(colour.refused_field, "colour");
  EXPECT_EQ(colour.refusal, "field 'colour' does not exist or may not be set");
  EXPECT_EQ(apply_event_patch(event, {{"uuid", "x"}}).refused_field, "uuid");
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
  Event empty;
  const auto problems = event_from_create(json::object(), empty);
  EXPECT_FALSE(problems.ok());
  EXPECT_TRUE(problems.invalid.contains("title"));
  EXPECT_TRUE(problems.invalid.contains("event_start"));
  Event event;
  EXPECT_TRUE(
      event_from_create({{"title", "Gasque"}, {"event_start", "2026-11-26T18:00:00Z"}}, event)
          .ok());
  EXPECT_EQ(event.title, "Gasque");
  EXPECT_EQ(event.visibility, "internal");
}

TEST(EventFields, SchemaListsEveryField) {
  const auto schema = event_schema();
  EXPECT_EQ(schema["properties"].size(), 10U);  // the nine fields and the banner
  EXPECT_TRUE(schema["properties"]["banner"]["nullable"].get<bool>());
  EXPECT_EQ(schema["properties"]["visibility"]["enum"].size(), 3U);
  EXPECT_TRUE(event_patch_schema()["properties"]["event_end"]["nullable"].get<bool>());
  EXPECT_FALSE(event_patch_schema()["properties"].contains("uuid"));
}

}  // namespace
}  // namespace tmeit::domain
