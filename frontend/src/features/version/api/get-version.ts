import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

/** `GET /api/v1/version`. Replaced by the type generated from openapi.json once src/client/ exists. */
export interface VersionInfo {
  backend: string;
  schema_version: number;
}

export function getVersion(): Promise<VersionInfo> {
  return apiFetch<VersionInfo>("/api/v1/version");
}

/** The running backend's version; it only changes with a deploy, so it is fetched once. */
export function useVersion() {
  return useQuery({ queryKey: ["version"], queryFn: getVersion, staleTime: Infinity });
}
