import { Link } from "react-router";
import { EventBanner } from "@/features/events/components/event-banner";
import type { Event } from "@/lib/api-types";
import { formatDateTime } from "@/lib/date-time";

/** One event in a grid: its banner if it has one, title (a link to its page), when, where. */
export function EventCard({ event }: { event: Event }) {
  return (
    <article className="card event-card">
      <EventBanner event={event} sizes="(max-width: 40rem) 100vw, 20rem" />
      <h3>
        <Link to={`/events/${event.uuid}`}>{event.title}</Link>
      </h3>
      <p>
        <time dateTime={event.event_start}>{formatDateTime(event.event_start)}</time>
        {event.location && <> · {event.location}</>}
      </p>
      {event.visibility !== "public" && <p className="badge">{event.visibility}</p>}
    </article>
  );
}
