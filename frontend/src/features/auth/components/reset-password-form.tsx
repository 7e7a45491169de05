import type { SubmitEvent } from "react";
import { NewPasswordFields } from "@/components/new-password-fields";
import { useNewPassword } from "@/components/use-new-password";
import { ErrorNotice } from "@/components/status";
import { useResetPassword } from "@/features/auth/api/reset-password";
import { ApiError } from "@/lib/api-client";
import { fieldErrorsOf } from "@/lib/field-errors";

/** A new password for the account whose reset mail held `token`. */
export function ResetPasswordForm({ token }: { token: string }) {
  const newPassword = useNewPassword();
  const reset = useResetPassword();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!newPassword.confirmed) return;
    reset.mutate({ token, password: newPassword.password });
  }

  if (reset.isSuccess) {
    return <p role="status">Your password is changed. Log in with it (top right).</p>;
  }
  if (reset.error instanceof ApiError && reset.error.status === 404) {
    return (
      <p role="alert">
        This link is unknown, used or more than an hour old. Ask for a new one with “Forgot your
        password?” in the login dialog.
      </p>
    );
  }
  const errors = fieldErrorsOf(reset.error);
  return (
    <form onSubmit={submit} aria-label="Choose a new password">
      <NewPasswordFields label="New password" {...newPassword.fields} error={errors.password} />
      {reset.isError && !errors.password && <ErrorNotice error={reset.error} />}
      <button type="submit" disabled={reset.isPending}>
        {reset.isPending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
