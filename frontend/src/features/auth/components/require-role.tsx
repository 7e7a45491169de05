import type { ReactNode } from "react";
import { ErrorNotice, Loading } from "@/components/status";
import { useMe } from "@/features/auth/api/get-me";
import { useIsLoggedIn } from "@/features/auth/hooks/use-session";
import type { Role } from "@/lib/api-types";

interface RequireRoleProps {
  roles: readonly Role[];
  /** Who may, in words: "masters", "marshals and masters". */
  who: string;
  children: ReactNode;
}

/** Shows `children` only to a logged-in member with one of `roles`; the API checks again. */
export function RequireRole({ roles, who, children }: RequireRoleProps) {
  const loggedIn = useIsLoggedIn();
  const me = useMe();
  if (!loggedIn) return <p role="alert">This page is for {who}. Log in first (top right).</p>;
  if (me.isPending) return <Loading what="Checking your account" />;
  if (me.isError) return <ErrorNotice error={me.error} what="Your account could not be loaded" />;
  if (!roles.includes(me.data.current_role)) {
    return <p role="alert">This page is for {who} only.</p>;
  }
  return children;
}
