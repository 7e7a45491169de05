import { useMutation } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { SignUp, SignUpForm } from "@/lib/api-types";

/** `POST /api/v1/sign_up/sign_up`: the public application to join as prao. */
export function createSignUp(form: SignUpForm): Promise<SignUp> {
  return bodyOf(api.POST("/api/v1/sign_up/sign_up", { body: form }));
}

export function useCreateSignUp() {
  return useMutation({ mutationFn: createSignUp });
}
