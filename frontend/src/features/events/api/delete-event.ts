import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { ResponseOf } from "@/lib/api-types";

export function deleteEvent(uuid: string): Promise<ResponseOf<"delete_event", 200>> {
  return bodyOf(api.DELETE("/api/v1/events/{uuid}", { params: { path: { uuid } } }));
}

/** Deletes an event (masters). */
export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvent,
    onSuccess: (_, uuid) => {
      queryClient.removeQueries({ queryKey: ["events", uuid] });
      return queryClient.invalidateQueries({ queryKey: ["events"] });
    },
  });
}
