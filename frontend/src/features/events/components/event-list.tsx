import { ErrorNotice, Loading } from "@/components/status";
import { useEvents } from "@/features/events/api/list-events";
import { EventCard } from "@/features/events/components/event-card";

interface EventListProps {
  upcoming: boolean;
  limit?: number;
  /** Said when there is no event to show. */
  empty: string;
  /** Only the public events, e.g. on the home page, whoever is looking. */
  publicOnly?: boolean;
}

/** Upcoming or past events as cards, with loading, error and empty states. */
export function EventList({ upcoming, limit, empty, publicOnly = false }: EventListProps) {
  const events = useEvents(upcoming, limit);
  if (events.isPending) return <Loading what="Loading events" />;
  if (events.isError) return <ErrorNotice error={events.error} what="Events could not be loaded" />;
  const shown = publicOnly ? events.data.filter((e) => e.visibility === "public") : events.data;
  if (shown.length === 0) return <p>{empty}</p>;
  return (
    <ul className="card-grid">
      {shown.map((event) => (
        <li key={event.uuid}>
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}
