import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { Member } from "@/lib/api-types";

export function listMembers(): Promise<Member[]> {
  return bodyOf(api.GET("/api/v1/members/"));
}

/** Every member, each with the fields the viewer may see. */
export function useMembers() {
  return useQuery({ queryKey: ["members"], queryFn: listMembers });
}
