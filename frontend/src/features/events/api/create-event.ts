import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { Event, EventCreate } from "@/lib/api-types";

export function createEvent(event: EventCreate): Promise<Event> {
  return bodyOf(api.POST("/api/v1/events/create", { body: event }));
}

/** Creates an event (marshals and masters); every event list is fetched again. */
export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["events"] }),
  });
}
