import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { Token } from "@/lib/api-types";
import { saveAccessToken } from "@/lib/session";

export interface Credentials {
  email: string;
  password: string;
}

/** `POST /api/v1/token`: the OAuth2 password form, the email as `username`. */
export function login({ email, password }: Credentials): Promise<Token> {
  return bodyOf(
    api.POST("/api/v1/token", {
      body: { username: email, password },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
}

/** Logs in and keeps the token in the `access_token` cookie for as long as it is valid. */
export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: (token) => {
      saveAccessToken(token.access_token, token.expires_in);
    },
  });
}
