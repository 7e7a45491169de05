import { ComingSoon } from "@/components/coming-soon";

export function MasterPage() {
  return (
    <ComingSoon title="Masters">
      For masters: pending sign-ups and the administration of members.
    </ComingSoon>
  );
}
