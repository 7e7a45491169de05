import { useNavigate } from "react-router";
import { useCreateEvent } from "@/features/events/api/create-event";
import { EventForm } from "@/features/events/components/event-form";

/** The form for a new event; on success, the new event's page. */
export function CreateEvent() {
  const create = useCreateEvent();
  const navigate = useNavigate();
  return (
    <EventForm
      submitLabel="Create event"
      pending={create.isPending}
      error={create.error}
      onSubmit={(event) => {
        create.mutate(event, { onSuccess: (created) => void navigate(`/events/${created.uuid}`) });
      }}
    />
  );
}
