import { useMutation } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";

interface ResetPassword {
  token: string;
  password: string;
}

/** `PUT /api/v1/reset/{token}`: sets the password with the single-use token from the mail. */
export function resetPassword({ token, password }: ResetPassword): Promise<{ status: string }> {
  return apiSend("PUT", `/api/v1/reset/${encodeURIComponent(token)}`, { password });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
