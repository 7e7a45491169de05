import { Link } from "react-router";
import { Page } from "@/components/page";
import { canEditEvents, useRole } from "@/features/auth/hooks/use-role";
import { EventList } from "@/features/events/components/event-list";

export function EventsPage() {
  const role = useRole();
  return (
    <Page title="Events">
      <p>Pubs, parties and everything else TMEIT has coming up, and the past ones too.</p>
      {canEditEvents(role) && (
        <p>
          <Link to="/events/new" className="button">
            New event
          </Link>
        </p>
      )}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming</h2>
        <EventList upcoming empty="Nothing planned yet: check back soon." />
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past</h2>
        <EventList upcoming={false} limit={30} empty="No past events." />
      </section>
    </Page>
  );
}
