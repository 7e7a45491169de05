import { useSyncExternalStore } from "react";
import { readAccessToken, sessionEndedNotice, subscribeToSession } from "@/lib/session";

const isLoggedIn = () => readAccessToken() !== undefined;

/** Whether a login token is stored; re-renders on login and logout. */
export function useIsLoggedIn(): boolean {
  return useSyncExternalStore(subscribeToSession, isLoggedIn);
}

/** Why the server ended the last session (a 401), until the user dismisses it or logs in. */
export function useSessionNotice(): string | undefined {
  return useSyncExternalStore(subscribeToSession, sessionEndedNotice);
}
