import { ComingSoon } from "@/components/coming-soon";

export function JoinCompletedPage() {
  return (
    <ComingSoon title="Thanks for signing up">
      We have your sign-up. You will get an email once a master has approved it.
    </ComingSoon>
  );
}
