import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { PersonalData } from "@/lib/api-types";

export function exportMember(shortUuid: string): Promise<PersonalData> {
  return bodyOf(
    api.GET("/api/v1/members/{short_uuid}/export", { params: { path: { short_uuid: shortUuid } } }),
  );
}

/** Fetches everything the club holds about a member (the member themselves, or masters). */
export function useExportMember(shortUuid: string) {
  return useMutation({ mutationFn: () => exportMember(shortUuid) });
}
