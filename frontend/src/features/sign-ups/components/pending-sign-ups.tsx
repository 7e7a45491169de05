import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice, Loading } from "@/components/status";
import { useDecideSignUp } from "@/features/sign-ups/api/decide-sign-up";
import { useSignUps } from "@/features/sign-ups/api/list-sign-ups";
import { formatDateTime } from "@/lib/date-time";

/** The applications waiting for a master: approve (becomes a prao) or delete. */
export function PendingSignUps() {
  const signUps = useSignUps();
  const decide = useDecideSignUp();
  if (signUps.isPending) return <Loading what="Loading sign-ups" />;
  if (signUps.isError)
    return <ErrorNotice error={signUps.error} what="Sign-ups could not be loaded" />;
  if (signUps.data.length === 0) return <p>No pending sign-ups.</p>;
  return (
    <>
      {decide.isError && <ErrorNotice error={decide.error} what="Not done" />}
      <ul className="rows">
        {signUps.data.map((s) => {
          const name = `${s.first_name} ${s.last_name}`;
          return (
            <li key={s.uuid}>
              <span>
                <strong>{name}</strong> · {s.login_email} · {s.phone ?? "no phone"} · sent{" "}
                <time dateTime={s.time_created}>{formatDateTime(s.time_created)}</time>{" "}
                {s.ip_address ? `from ${s.ip_address}` : "(address erased after 30 days)"}
              </span>
              <span className="actions">
                <button
                  type="button"
                  aria-label={`Approve ${name}`}
                  disabled={decide.isPending}
                  onClick={() => {
                    decide.mutate({ uuid: s.uuid, approve: true });
                  }}
                >
                  Approve
                </button>
                <ConfirmButton
                  label={`Delete the sign-up of ${name}`}
                  question={`Delete the sign-up of ${name}?`}
                  disabled={decide.isPending}
                  onConfirm={() => {
                    decide.mutate({ uuid: s.uuid, approve: false });
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
