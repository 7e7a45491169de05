import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";

export async function setPrimaryPhoto(shortUuid: string, photoId: string): Promise<void> {
  await bodyOf(
    api.PUT("/api/v1/members/{short_uuid}/photos/{photo_id}/primary", {
      params: { path: { short_uuid: shortUuid, photo_id: photoId } },
    }),
  );
}

/** Makes one photo the member's profile photo (the one on the team page). */
export function useSetPrimaryPhoto(shortUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => setPrimaryPhoto(shortUuid, photoId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
