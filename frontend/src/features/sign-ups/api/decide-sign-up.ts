import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";

/** `POST /api/v1/sign_up/approve/{uuid}`: the applicant becomes a prao with their password. */
export function approveSignUp(uuid: string): Promise<unknown> {
  return bodyOf(api.POST("/api/v1/sign_up/approve/{uuid}", { params: { path: { uuid } } }));
}

/** `DELETE /api/v1/sign_up/{uuid}`: throws the application away. */
export function deleteSignUp(uuid: string): Promise<void> {
  return bodyOf(api.DELETE("/api/v1/sign_up/{uuid}", { params: { path: { uuid } } }));
}

/** A master's decision on a sign-up; the list (and, after approval, the team) is fetched again. */
export function useDecideSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, approve }: { uuid: string; approve: boolean }) =>
      approve ? approveSignUp(uuid) : deleteSignUp(uuid),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["sign-ups"] });
      await queryClient.invalidateQueries({ queryKey: ["members"] });
    },
  });
}
