import { clearAccessToken, dismissSessionNotice, saveAccessToken } from "@/lib/session";

/** Logs the test's user in: the token cookie the login dialog would have stored. */
export function logInForTest(token = "test.token"): void {
  saveAccessToken(token);
}

/** Forgets any login and notice, so tests do not leak sessions into each other. */
export function resetSession(): void {
  clearAccessToken();
  dismissSessionNotice();
}
