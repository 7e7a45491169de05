import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";
import type { Event, EventPatch } from "@/lib/api-types";

export function updateEvent(uuid: string, patch: EventPatch): Promise<Event> {
  return apiSend("PATCH", `/api/v1/events/${encodeURIComponent(uuid)}`, patch);
}

/** Changes fields of one event (marshals and masters). */
export function useUpdateEvent(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: EventPatch) => updateEvent(uuid, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["events"] }),
  });
}
