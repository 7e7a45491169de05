import { useQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { VersionInfo } from "@/lib/api-types";

export function getVersion(): Promise<VersionInfo> {
  return bodyOf(api.GET("/api/v1/version"));
}

/** The running backend's version; it only changes with a deploy, so it is fetched once. */
export function useVersion() {
  return useQuery({ queryKey: ["version"], queryFn: getVersion, staleTime: Infinity });
}
