import { useState } from "react";

/** The state behind <NewPasswordFields>: the password, its confirmation, whether they match. */
export function useNewPassword() {
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  return {
    password,
    /** Both typed and equal: only then is the form sent. */
    confirmed: password !== "" && password === confirmation,
    clear: () => {
      setPassword("");
      setConfirmation("");
    },
    /** Spread into <NewPasswordFields>. */
    fields: {
      password,
      confirmation,
      onPasswordChange: setPassword,
      onConfirmationChange: setConfirmation,
    },
  };
}
