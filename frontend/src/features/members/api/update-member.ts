import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";
import type { Member, MemberPatch } from "@/lib/api-types";

export function updateMember(shortUuid: string, patch: MemberPatch): Promise<Member> {
  return apiSend("PATCH", `/api/v1/members/${encodeURIComponent(shortUuid)}`, patch);
}

/** Changes fields of a member: one's own editable ones, or any for masters. */
export function useUpdateMember(shortUuid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MemberPatch) => updateMember(shortUuid, patch),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["members"] });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
}
