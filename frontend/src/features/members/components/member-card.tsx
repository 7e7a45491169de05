import { Link } from "react-router";
import type { Member } from "@/lib/api-types";
import { MemberAvatar } from "@/features/members/components/member-avatar";
import { displayName } from "@/features/members/member-fields";

/** A member in the directory: photo (or initials), name (a link to the profile) and role. */
export function MemberCard({ member }: { member: Member }) {
  return (
    <article className="card member-card">
      <MemberAvatar member={member} size="small" />
      <div>
        <h3>
          <Link to={`/profile/${member.short_uuid}`}>{displayName(member)}</Link>
        </h3>
        <p className="muted">{member.current_role}</p>
      </div>
    </article>
  );
}
