import { Link } from "react-router";
import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice, Loading } from "@/components/status";
import { useDeleteMember } from "@/features/members/api/delete-member";
import { useMembers } from "@/features/members/api/list-members";
import { displayName } from "@/features/members/member-fields";

/** Every member with links to edit (on the profile, where masters edit every field) and delete. */
export function MembersAdmin() {
  const members = useMembers();
  const remove = useDeleteMember();
  if (members.isPending) return <Loading what="Loading members" />;
  if (members.isError)
    return <ErrorNotice error={members.error} what="Members could not be loaded" />;
  return (
    <>
      {remove.isError && <ErrorNotice error={remove.error} what="Not deleted" />}
      <ul className="rows">
        {members.data.map((member) => {
          const name = displayName(member);
          return (
            <li key={member.short_uuid}>
              <span>
                <strong>{name}</strong> · {member.current_role}
              </span>
              <span className="actions">
                <Link to={`/profile/${member.short_uuid}`} aria-label={`Edit ${name}`}>
                  Edit
                </Link>
                <ConfirmButton
                  label={`Delete ${name}`}
                  question={`Delete ${name} for good? This cannot be undone.`}
                  disabled={remove.isPending}
                  onConfirm={() => {
                    remove.mutate(member.short_uuid);
                  }}
                >
                  Delete
                </ConfirmButton>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
