import { Link } from "react-router";
import { ErrorNotice, Loading, StaleNotice } from "@/components/status";
import { useMe } from "@/features/auth/api/get-me";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";
import { useMember } from "@/features/members/api/get-member";
import { useUpdateMember } from "@/features/members/api/update-member";
import { MemberAvatar } from "@/features/members/components/member-avatar";
import { MemberDetails } from "@/features/members/components/member-details";
import { DownloadDataButton } from "@/features/members/components/download-data-button";
import { MemberForm } from "@/features/members/components/member-form";
import { displayName, editableFields, type MemberField } from "@/features/members/member-fields";
import { PhotoGallery } from "@/features/photos/components/photo-gallery";
import { isStaleVersion } from "@/lib/api-client";
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
  const { value: shown, etag } = member.data;
  const name = displayName(shown);
  const stale = isStaleVersion(update.error);
  return (
    <article className="profile">
      <title>{`${name} · TMEIT`}</title>
      <div className="profile-header">
        <MemberAvatar member={shown} size="large" />
        <h1>{name}</h1>
      </div>
      <MemberDetails member={shown} />
      <PhotoGallery shortUuid={shortUuid} canEdit={own || viewer === "master"} own={own} />
      {fields.length > 0 && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{own ? "Edit your profile" : "Edit this member"}</h2>
          <MemberForm
            // A fresh form whenever the server's values of its fields change (a save, someone
            // else's change loaded); not for a photo change, which leaves them as they are.
            key={JSON.stringify(
              fields.map((f) => (shown as Partial<Record<MemberField, unknown>>)[f]),
            )}
            fields={fields}
            initial={shown}
            submitLabel="Save"
            pending={update.isPending}
            error={stale ? null : update.error}
            onSubmit={(changes) => {
              if (Object.keys(changes).length === 0) return;
              // Only onto the version shown: a change someone made meanwhile is never undone.
              update.mutate(
                { patch: changes, etag },
                {
                  onSuccess: () => {
                    // The server revokes logins made with the old email: say so, not "expired".
                    if (own && changes.login_email !== undefined) clearAccessToken(EMAIL_CHANGED);
                  },
                },
              );
            }}
          />
          {stale && (
            <StaleNotice
              what="profile"
              onReload={() => {
                update.reset();
                void member.refetch();
              }}
            />
          )}
          {update.isSuccess && <p role="status">Saved.</p>}
        </section>
      )}
      {(own || viewer === "master") && (
        <section aria-labelledby="data-heading">
          <h2 id="data-heading">{own ? "Your data" : "Their data"}</h2>
          <p>
            Everything the club holds about {own ? "you" : "this member"}, as a JSON file (see the{" "}
            <Link to="/privacy">privacy policy</Link>).
          </p>
          <DownloadDataButton shortUuid={shortUuid} />
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
