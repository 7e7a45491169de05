import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { MemberAsSelf } from "@/lib/api-types";
import { useIsLoggedIn } from "@/features/auth/hooks/use-session";

export function getMe(): Promise<MemberAsSelf> {
  return bodyOf(api.GET("/api/v1/me"));
}

/** The logged-in member (`GET /api/v1/me`); not asked for while nobody is logged in. */
export function useMe() {
  const loggedIn = useIsLoggedIn();
  return useQuery({ queryKey: ["me"], queryFn: getMe, enabled: loggedIn });
}
