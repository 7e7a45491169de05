import { useNavigate } from "react-router";
import { ErrorNotice, Loading } from "@/components/status";
import { useEvent } from "@/features/events/api/get-event";
import { useUpdateEvent } from "@/features/events/api/update-event";
import { EventForm } from "@/features/events/components/event-form";

/** The form for an existing event, filled in; on success, back to the event's page. */
export function EditEvent({ uuid }: { uuid: string }) {
  const event = useEvent(uuid);
  const update = useUpdateEvent(uuid);
  const navigate = useNavigate();
  if (event.isPending) return <Loading what="Loading the event" />;
  if (event.isError)
    return <ErrorNotice error={event.error} what="The event could not be loaded" />;
  return (
    <EventForm
      event={event.data}
      submitLabel="Save changes"
      pending={update.isPending}
      error={update.error}
      onSubmit={(changes) => {
        update.mutate(changes, { onSuccess: () => void navigate(`/events/${uuid}`) });
      }}
    />
  );
}
