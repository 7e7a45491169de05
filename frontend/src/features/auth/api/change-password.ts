import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { RequestOf, Token } from "@/lib/api-types";
import { saveAccessToken } from "@/lib/session";

/** `POST /api/v1/members/change_password`: revokes every older token and returns a new one. */
export function changePassword(body: RequestOf<"change_password">): Promise<Token> {
  return bodyOf(api.POST("/api/v1/members/change_password", { body }));
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
