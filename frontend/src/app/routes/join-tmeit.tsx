import { ComingSoon } from "@/components/coming-soon";

export function JoinTmeitPage() {
  return (
    <ComingSoon title="Join TMEIT">
      Sign up to become a prao. A master reviews every sign-up before your account is created.
    </ComingSoon>
  );
}
