import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf, ifMatch } from "@/lib/api-client";
import type { Member, MemberPatch } from "@/lib/api-types";

/** Changes fields of a member; with `etag`, only if the member is still at that version. */
export function updateMember(
  shortUuid: string,
  patch: MemberPatch,
  etag?: string,
): Promise<Member> {
  return bodyOf(
    api.PATCH("/api/v1/members/{short_uuid}", {
      params: { path: { short_uuid: shortUuid }, header: ifMatch(etag) },
      body: patch,
    }),
  );
}

/** Changes fields of a member: one's own editable ones, or any for masters. */
export function useUpdateMember(shortUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, etag }: { patch: MemberPatch; etag: string | undefined }) =>
      updateMember(shortUuid, patch, etag),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["members"] });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      await queryClient.invalidateQueries({ queryKey: ["audit-log"] });
    },
  });
}
