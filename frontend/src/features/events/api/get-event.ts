import { useQuery } from "@tanstack/react-query";
import { api, versionedBodyOf, type Versioned } from "@/lib/api-client";
import type { Event } from "@/lib/api-types";

export function getEvent(uuid: string): Promise<Versioned<Event>> {
  return versionedBodyOf(api.GET("/api/v1/events/{uuid}", { params: { path: { uuid } } }));
}

/**
 * One event (`GET /api/v1/events/{uuid}`), with the version to name when editing; a 404 also when
 * the viewer may not see it.
 */
export function useEvent(uuid: string) {
  return useQuery({ queryKey: ["events", uuid], queryFn: () => getEvent(uuid) });
}
