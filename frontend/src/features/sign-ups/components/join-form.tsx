import { useState, type SubmitEvent } from "react";
import { Link, useNavigate } from "react-router";
import { CheckField, TextField } from "@/components/form-fields";
import { NewPasswordFields } from "@/components/new-password-fields";
import { useNewPassword } from "@/components/use-new-password";
import { ErrorNotice } from "@/components/status";
import { useCreateSignUp } from "@/features/sign-ups/api/create-sign-up";
import { fieldErrorsOf } from "@/lib/field-errors";

/** The application to join as prao; on success, /join_completed with the sign-up's id. */
export function JoinForm() {
  const [form, setForm] = useState({
    login_email: "",
    first_name: "",
    nickname: "",
    last_name: "",
    phone: "",
  });
  const newPassword = useNewPassword();
  const [consent, setConsent] = useState(false);
  const signUp = useCreateSignUp();
  const navigate = useNavigate();

  const text = (field: keyof typeof form) => ({
    value: form[field],
    onValue: (value: string) => {
      setForm((f) => ({ ...f, [field]: value }));
    },
  });

  function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!newPassword.confirmed || !consent) return;
    signUp.mutate(
      {
        ...form,
        nickname: form.nickname || null,
        phone: form.phone || null,
        password: newPassword.password,
      },
      { onSuccess: (created) => void navigate(`/join_completed?id=${created.uuid}`) },
    );
  }

  const errors = fieldErrorsOf(signUp.error);
  const shownAtField = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} className="stack">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        {...text("login_email")}
        error={errors.login_email}
      />
      <TextField
        label="First name"
        autoComplete="given-name"
        required
        {...text("first_name")}
        error={errors.first_name}
      />
      <TextField
        label="Nickname (optional)"
        autoComplete="nickname"
        {...text("nickname")}
        error={errors.nickname}
      />
      <TextField
        label="Last name"
        autoComplete="family-name"
        required
        {...text("last_name")}
        error={errors.last_name}
      />
      <TextField
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        {...text("phone")}
        error={errors.phone}
      />
      <NewPasswordFields {...newPassword.fields} error={errors.password} />
      <CheckField
        label={
          <>
            I agree that TMEIT keeps the data above, and the address I send it from, to handle my
            application, as the <Link to="/privacy">privacy policy</Link> describes.
          </>
        }
        required
        checked={consent}
        onChange={(e) => {
          setConsent(e.target.checked);
        }}
      />
      {signUp.isError && !shownAtField && <ErrorNotice error={signUp.error} what="Not sent" />}
      <button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Sending…" : "Send application"}
      </button>
    </form>
  );
}
