import { useMe } from "@/features/auth/api/get-me";
import type { Role } from "@/lib/api-types";

/** The logged-in member's role, or "public" for a visitor (and while /me is loading). */
export function useRole(): Role | "public" {
  const { data } = useMe();
  return data?.current_role ?? "public";
}

/** Marshals and masters create and edit events (mission.md). */
export const canEditEvents = (role: Role | "public") => role === "marshal" || role === "master";
/** Masters delete events, run the master page and edit every member field. */
export const isMaster = (role: Role | "public") => role === "master";
