import { useState, type SubmitEvent } from "react";
import { TextField } from "@/components/form-fields";
import { ErrorNotice } from "@/components/status";
import { useLogin } from "@/features/auth/api/login";

/** Email and password; `onLoggedIn` runs once the token is stored. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const loginMutation = useLogin();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    loginMutation.mutate({ email, password }, { onSuccess: onLoggedIn });
  }

  return (
    <form onSubmit={submit}>
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onValue={setEmail}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      {loginMutation.isError && <ErrorNotice error={loginMutation.error} what="Login failed" />}
      <button type="submit" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
