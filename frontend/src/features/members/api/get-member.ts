import { useQuery } from "@tanstack/react-query";
import { apiFetchVersioned, type Versioned } from "@/lib/api-client";
import type { Member } from "@/lib/api-types";

export function getMember(shortUuid: string): Promise<Versioned<Member>> {
  return apiFetchVersioned<Member>(`/api/v1/members/${encodeURIComponent(shortUuid)}`);
}

/** One member by the 8-character id of profile URLs, with the version to name when editing. */
export function useMember(shortUuid: string) {
  return useQuery({ queryKey: ["members", shortUuid], queryFn: () => getMember(shortUuid) });
}
