// The API speaks UTC (ISO 8601); people read and type local time. `datetime-local` inputs hold
// local wall-clock time without a zone, so these convert at the edge of every form.

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-26T18:00:00Z" → "2026-11-26T19:00" in Stockholm: the value of a datetime-local input. */
export function toLocalInputValue(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input (local time) as an ISO string in UTC; "" stays null. */
export function fromLocalInputValue(value: string): string | null {
  if (!value) return null;
  const d = new Date(value); // no zone in the string: JavaScript reads it as local time
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "Thu 26 Nov 2026, 19:00" in the reader's time zone. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
