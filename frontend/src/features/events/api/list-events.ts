import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { Event } from "@/lib/api-types";

/** `GET /api/v1/events/`: upcoming ones soonest first, or past ones newest first. */
export function listEvents(upcoming: boolean, limit = 100): Promise<Event[]> {
  const query = new URLSearchParams({ upcoming: String(upcoming), limit: String(limit) });
  return apiFetch<Event[]>(`/api/v1/events/?${query.toString()}`);
}

/** The events the viewer may see, upcoming or past. */
export function useEvents(upcoming: boolean, limit = 100) {
  return useQuery({
    queryKey: ["events", { upcoming, limit }],
    queryFn: () => listEvents(upcoming, limit),
  });
}
