import type { Member } from "@/lib/api-types";
import { formatDateTime } from "@/lib/date-time";
import { memberFields, type MemberField } from "@/features/members/member-fields";

function shown(field: MemberField, value: string | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (memberFields[field].input === "none") return formatDateTime(value);
  return value;
}

/** The fields of a member the viewer may see (the API sends only those). */
export function MemberDetails({ member }: { member: Member }) {
  const fields = (Object.keys(memberFields) as MemberField[]).filter((f) => f in member);
  return (
    <dl className="facts">
      {fields.map((field) => (
        <div key={field}>
          <dt>{memberFields[field].label}</dt>
          <dd>
            {shown(field, (member as Partial<Record<MemberField, string | boolean | null>>)[field])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
