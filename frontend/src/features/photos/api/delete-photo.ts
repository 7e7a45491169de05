import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";

export async function deletePhoto(shortUuid: string, photoId: string): Promise<void> {
  await bodyOf(
    api.DELETE("/api/v1/members/{short_uuid}/photos/{photo_id}", {
      params: { path: { short_uuid: shortUuid, photo_id: photoId } },
    }),
  );
}

/** Deletes a photo and its stored sizes for good. */
export function useDeletePhoto(shortUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => deletePhoto(shortUuid, photoId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
