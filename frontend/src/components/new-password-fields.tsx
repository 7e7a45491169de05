import { TextField } from "@/components/form-fields";
import { PasswordStrength } from "@/components/password-strength";

interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  /** The server's complaint about the password (too weak, say). */
  error?: string | undefined;
  label?: string;
}

/** The two fields of a new password, its strength meter, and whether they match. */
export function NewPasswordFields({
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  error,
  label = "Password",
}: NewPasswordFieldsProps) {
  const mismatch = confirmation !== "" && confirmation !== password;
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onValue={onPasswordChange}
        error={error}
        hint={<PasswordStrength password={password} />}
      />
      <TextField
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        onValue={onConfirmationChange}
        error={mismatch ? "The passwords do not match." : undefined}
      />
    </>
  );
}
