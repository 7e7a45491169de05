import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend, ifMatch } from "@/lib/api-client";
import type { Event, EventPatch } from "@/lib/api-types";

/** Changes fields of an event; with `etag`, only if the event is still at that version. */
export function updateEvent(uuid: string, patch: EventPatch, etag?: string): Promise<Event> {
  return apiSend("PATCH", `/api/v1/events/${encodeURIComponent(uuid)}`, patch, ifMatch(etag));
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
