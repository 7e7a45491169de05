import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";

/** `PUT /api/v1/reset`: mails a reset link if the email is a member's (the answer never says). */
export function requestReset(email: string): Promise<{ status: string }> {
  return bodyOf(api.PUT("/api/v1/reset", { body: { email } }));
}

export function useRequestReset() {
  return useMutation({ mutationFn: requestReset });
}
