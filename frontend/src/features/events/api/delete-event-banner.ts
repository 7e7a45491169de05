import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";

export async function deleteEventBanner(uuid: string): Promise<void> {
  await bodyOf(api.DELETE("/api/v1/events/{uuid}/banner", { params: { path: { uuid } } }));
}

/** Removes an event's banner (marshals and masters). */
export function useDeleteEventBanner(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteEventBanner(uuid),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["events"] }),
  });
}
