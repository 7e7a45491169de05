import { useInfiniteQuery } from "@tanstack/react-query";
import { api, bodyOf } from "@/lib/api-client";
import type { AuditEntry } from "@/lib/api-types";

const PAGE = 50;

export function listAuditLog(offset: number): Promise<AuditEntry[]> {
  return bodyOf(api.GET("/api/v1/audit_log/", { params: { query: { limit: PAGE, offset } } }));
}

/** Who changed whose role, permits or email, or added or deleted whom (masters), page by page. */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ["audit-log"],
    queryFn: ({ pageParam }) => listAuditLog(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.length < PAGE ? undefined : pages.length * PAGE),
  });
}
