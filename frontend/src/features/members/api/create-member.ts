import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";
import type { MemberAsMaster, MemberCreate } from "@/lib/api-types";

export function createMember(member: MemberCreate): Promise<MemberAsMaster> {
  return apiSend("POST", "/api/v1/members/create", member);
}

/** Adds a member (masters); they choose a password through a password reset. */
export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
