import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { Photo } from "@/lib/api-types";

export function listPhotos(shortUuid: string): Promise<Photo[]> {
  return bodyOf(
    api.GET("/api/v1/members/{short_uuid}/photos", {
      params: { path: { short_uuid: shortUuid } },
    }),
  );
}

/**
 * A member's photos: all of them for members, the public ones for visitors. Under the member's
 * key: every change to a member (`["members"]`) fetches them again, and every change to a photo
 * refetches the member too.
 */
export function useMemberPhotos(shortUuid: string) {
  return useQuery({
    queryKey: ["members", shortUuid, "photos"],
    queryFn: () => listPhotos(shortUuid),
  });
}
