import { useState, type SubmitEvent } from "react";
import { TextField } from "@/components/form-fields";
import { ErrorNotice } from "@/components/status";
import { useSendTestEmail } from "@/features/master/api/send-test-email";
import { fieldErrorsOf } from "@/lib/field-errors";

/** Sends a test mail, to check the mail path end to end. */
export function TestEmailForm() {
  const [to, setTo] = useState("");
  const send = useSendTestEmail();

  function submit(e: SubmitEvent) {
    e.preventDefault();
    send.mutate(to);
  }

  const errors = fieldErrorsOf(send.error);
  return (
    <form onSubmit={submit} className="stack">
      <TextField
        label="Send to (empty: yourself)"
        type="email"
        value={to}
        onValue={setTo}
        error={errors.to}
      />
      {send.isError && !errors.to && <ErrorNotice error={send.error} what="Not sent" />}
      {send.isSuccess && <p role="status">A test mail to {send.data.to} is queued.</p>}
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? "Sending…" : "Send test email"}
      </button>
    </form>
  );
}
