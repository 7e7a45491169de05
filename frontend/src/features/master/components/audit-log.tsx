import { ErrorNotice, Loading } from "@/components/status";
import { useAuditLog } from "@/features/master/api/list-audit-log";
import type { AuditEntry } from "@/lib/api-types";
import { formatDateTime } from "@/lib/date-time";

const fieldNames: Record<string, string> = {
  current_role: "role",
  login_email: "email",
  drivers_license: "driver's license",
  stad: "cleaning training",
  fest: "party training",
  liquor_permit: "liquor permit",
};

function shown(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The changes of an entry in words: "role vraq → marshal; email a → b". */
function describe(entry: AuditEntry): string {
  const parts = Object.entries(entry.changes).map(([field, change]) => {
    const name = fieldNames[field] ?? field;
    if (entry.action === "created") return `${name} ${shown(change.to)}`;
    return `${name} ${shown(change.from)} → ${shown(change.to)}`;
  });
  if (entry.action === "deleted") return "erased, with everything held about them";
  const verb = entry.action === "created" ? "added" : "changed";
  return parts.length > 0 ? `${verb}: ${parts.join("; ")}` : `${verb} (details erased)`;
}

/** The member audit log, newest first, for masters on /master. */
export function AuditLog() {
  const log = useAuditLog();
  if (log.isPending) return <Loading what="Loading the audit log" />;
  if (log.isError)
    return <ErrorNotice error={log.error} what="The audit log could not be loaded" />;
  const entries = log.data.pages.flat();
  if (entries.length === 0) return <p>Nothing recorded yet.</p>;
  return (
    <>
      <table className="audit-log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Whose record</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td>{entry.actor?.name ?? "not through the website"}</td>
              <td>{entry.member?.name ?? `an erased member (${entry.member_uuid.slice(0, 8)})`}</td>
              <td>{describe(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.hasNextPage && (
        <button
          type="button"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? "Loading…" : "Show older"}
        </button>
      )}
    </>
  );
}
