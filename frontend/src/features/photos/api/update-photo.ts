import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { PhotoVisibility } from "@/lib/api-types";

export async function updatePhoto(
  shortUuid: string,
  photoId: string,
  visibility: PhotoVisibility,
): Promise<void> {
  await bodyOf(
    api.PATCH("/api/v1/members/{short_uuid}/photos/{photo_id}", {
      params: { path: { short_uuid: shortUuid, photo_id: photoId } },
      body: { visibility },
    }),
  );
}

/** Changes who may see a photo: everyone (`public`) or logged-in members (`members`). */
export function useUpdatePhoto(shortUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ photoId, visibility }: { photoId: string; visibility: PhotoVisibility }) =>
      updatePhoto(shortUuid, photoId, visibility),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
