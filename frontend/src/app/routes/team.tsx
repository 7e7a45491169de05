import { Page } from "@/components/page";
import { TeamDirectory } from "@/features/members/components/team-directory";

export function TeamPage() {
  return (
    <Page title="Team">
      <p>The members of TMEIT: masters, marshals, praos, vraqs and those who have been with us.</p>
      <TeamDirectory />
    </Page>
  );
}
