import { useQuery } from "@tanstack/react-query";
import { api, versionedBodyOf, type Versioned } from "@/lib/api-client";
import type { Member } from "@/lib/api-types";

export function getMember(shortUuid: string): Promise<Versioned<Member>> {
  return versionedBodyOf(
    api.GET("/api/v1/members/{short_uuid}", { params: { path: { short_uuid: shortUuid } } }),
  );
}

/** One member by the 8-character id of profile URLs, with the version to name when editing. */
export function useMember(shortUuid: string) {
  return useQuery({ queryKey: ["members", shortUuid], queryFn: () => getMember(shortUuid) });
}
