import { useParams } from "react-router";
import { Page } from "@/components/page";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";

// The token in the URL is a secret: it goes to the API, never onto the page or into a log.
export function ResetPasswordPage() {
  const { token = "" } = useParams();
  return (
    <Page title="Choose a new password">
      <p>Set a new password for your account with the link from the email you received.</p>
      <ResetPasswordForm token={token} />
    </Page>
  );
}
