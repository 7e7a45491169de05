import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";

interface ResetPassword {
  token: string;
  password: string;
}

/** `PUT /api/v1/reset/{token}`: sets the password with the single-use token from the mail. */
export function resetPassword({ token, password }: ResetPassword): Promise<{ status: string }> {
  return bodyOf(
    api.PUT("/api/v1/reset/{token}", { params: { path: { token } }, body: { password } }),
  );
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
