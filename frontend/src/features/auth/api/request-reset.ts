import { useMutation } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";

/** `PUT /api/v1/reset`: mails a reset link if the email is a member's (the answer never says). */
export function requestReset(email: string): Promise<{ status: string }> {
  return apiSend("PUT", "/api/v1/reset", { email });
}

export function useRequestReset() {
  return useMutation({ mutationFn: requestReset });
}
