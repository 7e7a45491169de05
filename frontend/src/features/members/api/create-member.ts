import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { MemberAsMaster, MemberCreate } from "@/lib/api-types";

export function createMember(member: MemberCreate): Promise<MemberAsMaster> {
  return bodyOf(api.POST("/api/v1/members/create", { body: member }));
}

/** Adds a member (masters); they choose a password through a password reset. */
export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["members"] }),
  });
}
