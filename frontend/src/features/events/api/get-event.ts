import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { Event } from "@/lib/api-types";

export function getEvent(uuid: string): Promise<Event> {
  return apiFetch<Event>(`/api/v1/events/${encodeURIComponent(uuid)}`);
}

/** One event (`GET /api/v1/events/{uuid}`); a 404 also when the viewer may not see it. */
export function useEvent(uuid: string) {
  return useQuery({ queryKey: ["events", uuid], queryFn: () => getEvent(uuid) });
}
