import { ComingSoon } from "@/components/coming-soon";

export function EventsPage() {
  return (
    <ComingSoon title="Events">
      Pubs, parties and everything else TMEIT has coming up, and the past ones too.
    </ComingSoon>
  );
}
