import { useMutation } from "@tanstack/react-query";
import { apiSend } from "@/lib/api-client";
import type { Token } from "@/lib/api-types";
import { saveAccessToken } from "@/lib/session";

interface ChangePassword {
  current_password: string;
  new_password: string;
}

/** `POST /api/v1/members/change_password`: revokes every older token and returns a new one. */
export function changePassword(body: ChangePassword): Promise<Token> {
  return apiSend("POST", "/api/v1/members/change_password", body);
}

/** Changes the password and keeps the user logged in with the new token. */
export function useChangePassword() {
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (token) => {
      saveAccessToken(token.access_token, token.expires_in);
    },
  });
}
