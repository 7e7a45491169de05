// The login token lives in the `access_token` cookie (mission.md): the API client reads it for the
// bearer header, and the header's login state follows it through `subscribeToSession`.

const TOKEN_COOKIE = "access_token";

type Listener = () => void;
const listeners = new Set<Listener>();
let endedNotice: string | undefined;

function notify() {
  for (const listener of listeners) listener();
}

/** The bearer token the login dialog stored in the `access_token` cookie, if any. */
export function readAccessToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === TOKEN_COOKIE && rest.length > 0) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

// Strict: the cookie never rides along on another site's request. Secure wherever the site is on
// https (plain http only on a developer's machine).
function cookieAttributes(maxAgeSeconds: number): string {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  return `; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Strict${secure}`;
}

/** Stores a fresh token (after a login or a password change) for as long as it is valid. */
export function saveAccessToken(token: string, maxAgeSeconds = 86_400): void {
  document.cookie = `${TOKEN_COOKIE}=${encodeURIComponent(token)}${cookieAttributes(maxAgeSeconds)}`;
  endedNotice = undefined;
  notify();
}

/** Logs out; `notice` tells the user why when it was not their own choice. */
export function clearAccessToken(notice?: string): void {
  document.cookie = `${TOKEN_COOKIE}=${cookieAttributes(0)}`;
  endedNotice = notice;
  notify();
}

/** Why the last session ended, when the server ended it (shown once in the header). */
export function sessionEndedNotice(): string | undefined {
  return endedNotice;
}

export function dismissSessionNotice(): void {
  endedNotice = undefined;
  notify();
}

/** Calls `listener` whenever the user logs in or out; returns the unsubscribe function. */
export function subscribeToSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
