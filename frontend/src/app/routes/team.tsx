import { ComingSoon } from "@/components/coming-soon";

export function TeamPage() {
  return (
    <ComingSoon title="Team">The members of TMEIT: masters, marshals, vraqs and praos.</ComingSoon>
  );
}
