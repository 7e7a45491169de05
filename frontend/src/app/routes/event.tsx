import { Link, useParams } from "react-router";
import { EventDetails } from "@/features/events/components/event-details";

export function EventPage() {
  const { uuid = "" } = useParams();
  return (
    <div className="page">
      <p>
        <Link to="/events">← All events</Link>
      </p>
      <EventDetails uuid={uuid} />
    </div>
  );
}
