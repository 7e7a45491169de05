import { Link, useNavigate } from "react-router";
import { ConfirmButton } from "@/components/confirm-button";
import { ErrorNotice, Loading } from "@/components/status";
import { useDeleteEvent } from "@/features/events/api/delete-event";
import { useEvent } from "@/features/events/api/get-event";
import { EventBanner } from "@/features/events/components/event-banner";
import { canEditEvents, isMaster, useRole } from "@/features/auth/hooks/use-role";
import { formatDateTime } from "@/lib/date-time";

/** One event in full, with edit (marshals, masters) and delete (masters) where allowed. */
export function EventDetails({ uuid }: { uuid: string }) {
  const event = useEvent(uuid);
  const role = useRole();
  const remove = useDeleteEvent();
  const navigate = useNavigate();

  if (event.isPending) return <Loading what="Loading the event" />;
  if (event.isError)
    return <ErrorNotice error={event.error} what="The event could not be loaded" />;

  const { title, description, location, event_start, event_end, visibility } = event.data.value;
  return (
    <article className="event">
      <title>{`${title} · TMEIT`}</title>
      <EventBanner event={event.data.value} sizes="(max-width: 60rem) 100vw, 57rem" />
      <h1>{title}</h1>
      <dl className="facts">
        <dt>Starts</dt>
        <dd>
          <time dateTime={event_start}>{formatDateTime(event_start)}</time>
        </dd>
        {event_end && (
          <>
            <dt>Ends</dt>
            <dd>
              <time dateTime={event_end}>{formatDateTime(event_end)}</time>
            </dd>
          </>
        )}
        {location && (
          <>
            <dt>Where</dt>
            <dd>{location}</dd>
          </>
        )}
        <dt>Visible to</dt>
        <dd>{visibility}</dd>
      </dl>
      {description && <p className="description">{description}</p>}
      <div className="actions">
        {canEditEvents(role) && <Link to={`/events/${uuid}/edit`}>Edit</Link>}
        {isMaster(role) && (
          <ConfirmButton
            question={`Delete “${title}” for good?`}
            disabled={remove.isPending}
            onConfirm={() => {
              remove.mutate(uuid, { onSuccess: () => void navigate("/events") });
            }}
          >
            Delete
          </ConfirmButton>
        )}
      </div>
      {remove.isError && <ErrorNotice error={remove.error} what="Not deleted" />}
    </article>
  );
}
