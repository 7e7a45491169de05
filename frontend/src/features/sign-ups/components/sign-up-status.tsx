import { ErrorNotice, Loading } from "@/components/status";
import { useSignUpStatus } from "@/features/sign-ups/api/get-sign-up";
import { ApiError } from "@/lib/api-client";

/** Where an application stands: pending, or no longer pending (approved or deleted). */
export function SignUpStatusView({ uuid }: { uuid: string }) {
  const status = useSignUpStatus(uuid);
  if (status.isPending) return <Loading what="Looking up your application" />;
  if (status.error instanceof ApiError && status.error.status === 404) {
    return (
      <p role="status">
        This application is no longer pending: a master has handled it. If it was approved, you got
        an email and can log in (top right) with the email and password you chose.
      </p>
    );
  }
  if (status.isError)
    return <ErrorNotice error={status.error} what="The status could not be loaded" />;
  return (
    <p role="status">
      Thanks, {status.data.first_name}! Your application is <strong>{status.data.status}</strong>. A
      master looks at every application; you get an email once yours is approved. Keep this page’s
      address to check on it.
    </p>
  );
}
