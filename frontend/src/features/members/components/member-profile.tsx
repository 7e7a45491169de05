import { ErrorNotice, Loading } from "@/components/status";
import { useMe } from "@/features/auth/api/get-me";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";
import { useMember } from "@/features/members/api/get-member";
import { useUpdateMember } from "@/features/members/api/update-member";
import { MemberDetails } from "@/features/members/components/member-details";
import { MemberForm } from "@/features/members/components/member-form";
import { displayName, editableFields } from "@/features/members/member-fields";
import { clearAccessToken } from "@/lib/session";

const EMAIL_CHANGED = "Your email is changed. Log in again with the new one.";

/** A member's profile: what the viewer may see; for oneself and masters, what they may change. */
export function MemberProfile({ shortUuid }: { shortUuid: string }) {
  const member = useMember(shortUuid);
  const me = useMe();
  const update = useUpdateMember(shortUuid);

  if (member.isPending) return <Loading what="Loading the profile" />;
  if (member.isError)
    return <ErrorNotice error={member.error} what="The profile could not be loaded" />;

  const own = me.data?.short_uuid === shortUuid;
  const viewer = me.data?.current_role === "master" ? "master" : own ? "self" : "other";
  const fields = editableFields(viewer);
  const name = displayName(member.data);
  return (
    <article className="profile">
      <title>{`${name} · TMEIT`}</title>
      <h1>{name}</h1>
      <MemberDetails member={member.data} />
      {fields.length > 0 && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{own ? "Edit your profile" : "Edit this member"}</h2>
          <MemberForm
            // A fresh form after each save, filled with what the server now holds.
            key={member.dataUpdatedAt}
            fields={fields}
            initial={member.data}
            submitLabel="Save"
            pending={update.isPending}
            error={update.error}
            onSubmit={(changes) => {
              if (Object.keys(changes).length === 0) return;
              update.mutate(changes, {
                onSuccess: () => {
                  // The server revokes logins made with the old email: say so, not "expired".
                  if (own && changes.login_email !== undefined) clearAccessToken(EMAIL_CHANGED);
                },
              });
            }}
          />
          {update.isSuccess && <p role="status">Saved.</p>}
        </section>
      )}
      {own && (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Change your password</h2>
          <ChangePasswordForm />
        </section>
      )}
    </article>
  );
}
