import { useState, type SubmitEvent } from "react";
import { TextField } from "@/components/form-fields";
import { NewPasswordFields } from "@/components/new-password-fields";
import { useNewPassword } from "@/components/use-new-password";
import { ErrorNotice } from "@/components/status";
import { useChangePassword } from "@/features/auth/api/change-password";
import { fieldErrorsOf } from "@/lib/field-errors";

/** The logged-in member's own password: the current one, then the new one twice. */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState("");
  const newPassword = useNewPassword();
  const change = useChangePassword();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!newPassword.confirmed) return;
    change.mutate(
      { current_password: current, new_password: newPassword.password },
      {
        onSuccess: () => {
          setCurrent("");
          newPassword.clear();
        },
      },
    );
  }

  const errors = fieldErrorsOf(change.error);
  return (
    <form onSubmit={submit} aria-label="Password change">
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onValue={setCurrent}
        error={errors.current_password}
      />
      <NewPasswordFields label="New password" {...newPassword.fields} error={errors.new_password} />
      {change.isError && !errors.current_password && !errors.new_password && (
        <ErrorNotice error={change.error} />
      )}
      {change.isSuccess && <p role="status">Your password is changed.</p>}
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
