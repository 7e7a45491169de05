import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { ResponseOf } from "@/lib/api-types";

export function deleteMember(shortUuid: string): Promise<ResponseOf<"delete_member", 200>> {
  return bodyOf(
    api.DELETE("/api/v1/members/{short_uuid}", { params: { path: { short_uuid: shortUuid } } }),
  );
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
