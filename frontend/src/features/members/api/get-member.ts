import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { Member } from "@/lib/api-types";

export function getMember(shortUuid: string): Promise<Member> {
  return apiFetch<Member>(`/api/v1/members/${encodeURIComponent(shortUuid)}`);
}

/** One member by the 8-character id of profile URLs. */
export function useMember(shortUuid: string) {
  return useQuery({ queryKey: ["members", shortUuid], queryFn: () => getMember(shortUuid) });
}
