import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { SignUpStatus } from "@/lib/api-types";

export function getSignUp(uuid: string): Promise<SignUpStatus> {
  return bodyOf(api.GET("/api/v1/sign_up/{uuid}", { params: { path: { uuid } } }));
}

/** A sign-up's status, for whoever holds its uuid; a 404 once approved or deleted. */
export function useSignUpStatus(uuid: string) {
  return useQuery({ queryKey: ["sign-ups", uuid], queryFn: () => getSignUp(uuid) });
}
