import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { PersonalData } from "@/lib/api-types";

export function exportMember(shortUuid: string): Promise<PersonalData> {
  return apiFetch<PersonalData>(`/api/v1/members/${encodeURIComponent(shortUuid)}/export`);
}

/** Fetches everything the club holds about a member (the member themselves, or masters). */
export function useExportMember(shortUuid: string) {
  return useMutation({ mutationFn: () => exportMember(shortUuid) });
}
