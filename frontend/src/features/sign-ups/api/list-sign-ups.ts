import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { PendingSignUp } from "@/lib/api-types";

export function listSignUps(): Promise<PendingSignUp[]> {
  return bodyOf(api.GET("/api/v1/sign_up/"));
}

/** The pending sign-ups (masters). */
export function useSignUps() {
  return useQuery({ queryKey: ["sign-ups"], queryFn: listSignUps });
}
