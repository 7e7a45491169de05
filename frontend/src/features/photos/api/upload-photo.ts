import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Photo, PhotoVisibility } from "@/lib/api-types";
import { uploadForm, type UploadProgress } from "@/lib/upload";

interface NewPhoto {
  file: File;
  visibility: PhotoVisibility;
  onProgress: (progress: UploadProgress) => void;
}

/** Uploads one photo of a member (the member or a master), reporting the upload's progress. */
export async function uploadPhoto(
  shortUuid: string,
  { file, visibility, onProgress }: NewPhoto,
): Promise<Photo> {
  const form = new FormData();
  form.append("visibility", visibility);
  form.append("file", file);
  const created = await uploadForm({
    method: "post",
    path: "/api/v1/members/{short_uuid}/photos",
    params: { short_uuid: shortUuid },
    form,
    onProgress,
  });
  return created as Photo;
}

/** Adds a photo; the member (their primary photo) and their photos are fetched again. */
export function useUploadPhoto(shortUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photo: NewPhoto) => uploadPhoto(shortUuid, photo),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
