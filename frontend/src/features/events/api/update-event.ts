import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf, ifMatch } from "@/lib/api-client";
import type { Event, EventPatch } from "@/lib/api-types";

/** Changes fields of an event; with `etag`, only if the event is still at that version. */
export function updateEvent(uuid: string, patch: EventPatch, etag?: string): Promise<Event> {
  return bodyOf(
    api.PATCH("/api/v1/events/{uuid}", {
      params: { path: { uuid }, header: ifMatch(etag) },
      body: patch,
    }),
  );
}

/** Changes fields of one event (marshals and masters). */
export function useUpdateEvent(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, etag }: { patch: EventPatch; etag: string | undefined }) =>
      updateEvent(uuid, patch, etag),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["events"] }),
  });
}
