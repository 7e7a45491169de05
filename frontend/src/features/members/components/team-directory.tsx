import { ErrorNotice, Loading } from "@/components/status";
import { useMembers } from "@/features/members/api/list-members";
import { MemberCard } from "@/features/members/components/member-card";
import type { Member, Role } from "@/lib/api-types";

const groups: { heading: string; roles: readonly Role[] }[] = [
  { heading: "Masters", roles: ["master"] },
  { heading: "Marshals", roles: ["marshal"] },
  { heading: "Praos", roles: ["prao"] },
  { heading: "Vraqs", roles: ["vraq"] },
  { heading: "Ex-members", roles: ["ex", "exprao"] },
];

const byName = (a: Member, b: Member) =>
  a.first_name.localeCompare(b.first_name) || a.last_name.localeCompare(b.last_name);

/** Every member, grouped by role, masters first; a group with nobody in it is left out. */
export function TeamDirectory() {
  const members = useMembers();
  if (members.isPending) return <Loading what="Loading the team" />;
  if (members.isError)
    return <ErrorNotice error={members.error} what="The team could not be loaded" />;
  return (
    <>
      {groups.map(({ heading, roles }) => {
        const inGroup = members.data.filter((m) => roles.includes(m.current_role)).sort(byName);
        if (inGroup.length === 0) return null;
        return (
          <section key={heading} aria-label={heading}>
            <h2>{heading}</h2>
            <ul className="card-grid">
              {inGroup.map((member) => (
                <li key={member.short_uuid}>
                  <MemberCard member={member} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
