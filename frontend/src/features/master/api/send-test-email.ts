import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { ResponseOf } from "@/lib/api-types";

type Queued = ResponseOf<"send_test_email", 202>;

/** Queues a test mail to `to`, or to oneself when `to` is empty. */
export function sendTestEmail(to: string): Promise<Queued> {
  return bodyOf(api.POST("/api/v1/members/send_test_email", { body: to ? { to } : {} }));
}

export function useSendTestEmail() {
  return useMutation({ mutationFn: sendTestEmail });
}
