import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";
import type { ResponseOf } from "@/lib/api-types";

export function deleteMember(shortUuid: string): Promise<ResponseOf<"delete_member", 200>> {
  return apiSend("DELETE", `/api/v1/members/${encodeURIComponent(shortUuid)}`);
}

/** Erases a member and everything held about them (masters). */
export function useDeleteMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMember,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["members"] });
      await queryClient.invalidateQueries({ queryKey: ["audit-log"] });
    },
  });
}
