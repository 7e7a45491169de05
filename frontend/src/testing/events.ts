import type { Event } from "@/lib/api-types";

/** An event as the API sends it, with whatever the test changes. */
export function anEvent(overrides: Partial<Event> = {}): Event {
  return {
    uuid: "7f1c2b9e-0000-4000-8000-000000000001",
    title: "Pub night",
    description: "The usual Thursday pub.",
    location: "Puben",
    event_start: "2026-12-03T17:00:00+00:00",
    event_end: null,
    visibility: "public",
    created_at: "2026-11-01T10:00:00+00:00",
    updated_at: "2026-11-01T10:00:00+00:00",
    banner: null,
    ...overrides,
  };
}
