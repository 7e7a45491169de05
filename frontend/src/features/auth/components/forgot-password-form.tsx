import { useState, type SubmitEvent } from "react";
import { TextField } from "@/components/form-fields";
import { ErrorNotice } from "@/components/status";
import { useRequestReset } from "@/features/auth/api/request-reset";
import { fieldErrorsOf } from "@/lib/field-errors";

/** Asks for a reset link; the answer is the same whether the email is a member's or not. */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const reset = useRequestReset();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    reset.mutate(email);
  }

  if (reset.isSuccess) {
    return (
      <p role="status">
        If <strong>{email}</strong> belongs to a member, a link to choose a new password is on its
        way. It works once, for an hour.
      </p>
    );
  }
  const errors = fieldErrorsOf(reset.error);
  return (
    <form onSubmit={submit}>
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        value={email}
        onValue={setEmail}
        error={errors.email}
      />
      {reset.isError && !errors.email && <ErrorNotice error={reset.error} />}
      <button type="submit" disabled={reset.isPending}>
        {reset.isPending ? "Sending…" : "Send me a link"}
      </button>
    </form>
  );
}
