import { useSearchParams } from "react-router";
import { Page } from "@/components/page";
import { SignUpStatusView } from "@/features/sign-ups/components/sign-up-status";

export function JoinCompletedPage() {
  const [params] = useSearchParams();
  const id = params.get("id");
  return (
    <Page title="Thanks for signing up">
      {id ? (
        <SignUpStatusView uuid={id} />
      ) : (
        <p>We have your sign-up. You will get an email once a master has approved it.</p>
      )}
    </Page>
  );
}
