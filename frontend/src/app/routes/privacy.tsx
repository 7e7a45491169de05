import { ComingSoon } from "@/components/coming-soon";

export function PrivacyPage() {
  return (
    <ComingSoon title="Privacy policy">
      What personal data TMEIT keeps, why, for how long (backups included), and your rights under
      the GDPR.
    </ComingSoon>
  );
}
