import { ComingSoon } from "@/components/coming-soon";

// The token in the URL is a secret: it is read when the form is built, never shown or logged.
export function ResetPasswordPage() {
  return (
    <ComingSoon title="Choose a new password">
      Set a new password for your account with the link from the email you received.
    </ComingSoon>
  );
}
