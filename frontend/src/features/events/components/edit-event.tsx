import { useNavigate } from "react-router";
import { ErrorNotice, Loading, StaleNotice } from "@/components/status";
import { useEvent } from "@/features/events/api/get-event";
import { useUpdateEvent } from "@/features/events/api/update-event";
import { EventBannerEditor } from "@/features/events/components/event-banner-editor";
import { EventForm } from "@/features/events/components/event-form";
import { isStaleVersion } from "@/lib/api-client";

/**
 * The form for an existing event, filled in; on success, back to the event's page. The save
 * applies only to the version shown: when someone changed the event meanwhile, the user is told
 * and can load their version. Below it, the event's banner.
 */
export function EditEvent({ uuid }: { uuid: string }) {
  const event = useEvent(uuid);
  const update = useUpdateEvent(uuid);
  const navigate = useNavigate();
  if (event.isPending) return <Loading what="Loading the event" />;
  if (event.isError)
    return <ErrorNotice error={event.error} what="The event could not be loaded" />;
  const stale = isStaleVersion(update.error);
  const { title, description, location, event_start, event_end, visibility } = event.data.value;
  return (
    <>
      <EventForm
        // A fresh form when the server's values of its fields change (someone else's version
        // loaded); not for a new banner, which must not throw away what is typed.
        key={JSON.stringify([title, description, location, event_start, event_end, visibility])}
        event={event.data.value}
        submitLabel="Save changes"
        pending={update.isPending}
        error={stale ? null : update.error}
        onSubmit={(changes) => {
          update.mutate(
            { patch: changes, etag: event.data.etag },
            { onSuccess: () => void navigate(`/events/${uuid}`) },
          );
        }}
      />
      {stale && (
        <StaleNotice
          what="event"
          onReload={() => {
            update.reset();
            void event.refetch();
          }}
        />
      )}
      <EventBannerEditor event={event.data.value} />
    </>
  );
}
