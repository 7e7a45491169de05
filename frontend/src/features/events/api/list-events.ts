import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { Event } from "@/lib/api-types";

/** `GET /api/v1/events/`: upcoming ones soonest first, or past ones newest first. */
export function listEvents(upcoming: boolean, limit = 100): Promise<Event[]> {
  return bodyOf(api.GET("/api/v1/events/", { params: { query: { upcoming, limit } } }));
}

/** The events the viewer may see, upcoming or past. */
export function useEvents(upcoming: boolean, limit = 100) {
  return useQuery({
    queryKey: ["events", { upcoming, limit }],
    queryFn: () => listEvents(upcoming, limit),
  });
}
