import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";

export function deleteMember(shortUuid: string): Promise<void> {
  return apiSend("DELETE", `/api/v1/members/${encodeURIComponent(shortUuid)}`);
}

/** Removes a member (masters). */
export function useDeleteMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
