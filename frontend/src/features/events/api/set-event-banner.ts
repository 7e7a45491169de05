import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadForm, type UploadProgress } from "@/lib/upload";

interface NewBanner {
  file: File;
  onProgress: (progress: UploadProgress) => void;
}

/** Uploads a photo as an event's banner (marshals and masters), replacing any banner it had. */
export async function setEventBanner(uuid: string, { file, onProgress }: NewBanner): Promise<void> {
  const form = new FormData();
  form.append("file", file);
  await uploadForm({
    method: "put",
    path: "/api/v1/events/{uuid}/banner",
    params: { uuid },
    form,
    onProgress,
  });
}

/** Sets the banner; every event list and the event are fetched again. */
export function useSetEventBanner(uuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (banner: NewBanner) => setEventBanner(uuid, banner),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["events"] }),
  });
}
