import { useState, type SubmitEvent } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/form-fields";
import { ErrorNotice } from "@/components/status";
import type { Event, EventCreate, Visibility } from "@/lib/api-types";
import { fromLocalInputValue, toLocalInputValue } from "@/lib/date-time";
import { fieldErrorsOf } from "@/lib/field-errors";

const visibilities: readonly Visibility[] = ["public", "internal", "elected"];

interface EventFormProps {
  /** The event to edit; a new one when absent. */
  event?: Event;
  submitLabel: string;
  pending: boolean;
  /** The failed save, whose field errors go beside the fields. */
  error: unknown;
  onSubmit: (event: EventCreate) => void;
}

/** Title, description, place, start and end (typed in local time, sent in UTC), visibility. */
export function EventForm({ event, submitLabel, pending, error, onSubmit }: EventFormProps) {
  const [title, setTitle] = useState(event?.title ?? "");
  const [description, setDescription] = useState(event?.description ?? "");
  const [location, setLocation] = useState(event?.location ?? "");
  const [start, setStart] = useState(toLocalInputValue(event?.event_start));
  const [end, setEnd] = useState(toLocalInputValue(event?.event_end));
  const [visibility, setVisibility] = useState<Visibility>(event?.visibility ?? "internal");

  function submit(e: SubmitEvent) {
    e.preventDefault();
    onSubmit({
      title,
      description,
      location,
      event_start: fromLocalInputValue(start) ?? "",
      event_end: fromLocalInputValue(end),
      visibility,
    });
  }

  const errors = fieldErrorsOf(error);
  const shownAtField = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} className="stack">
      <TextField
        label="Title"
        required
        maxLength={200}
        value={title}
        onValue={setTitle}
        error={errors.title}
      />
      <TextAreaField
        label="Description"
        rows={6}
        maxLength={20000}
        value={description}
        onValue={setDescription}
        error={errors.description}
      />
      <TextField
        label="Location"
        maxLength={200}
        value={location}
        onValue={setLocation}
        error={errors.location}
      />
      <TextField
        label="Starts (local time)"
        type="datetime-local"
        required
        value={start}
        onValue={setStart}
        error={errors.event_start}
      />
      <TextField
        label="Ends (local time, optional)"
        type="datetime-local"
        value={end}
        onValue={setEnd}
        error={errors.event_end}
      />
      <SelectField
        label="Who may see it"
        options={visibilities}
        value={visibility}
        onValue={(value) => {
          setVisibility(value as Visibility);
        }}
        error={errors.visibility}
        hint="public: everyone · internal: members · elected: all but praos"
      />
      {error !== null && !shownAtField && <ErrorNotice error={error} what="Not saved" />}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
