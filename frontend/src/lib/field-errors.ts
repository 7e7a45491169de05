import { ApiError } from "@/lib/api-client";

/** Problems by field name, as forms show them beside each field. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The field problems in an API error: a 422's detail is `{field: problem, ...}`; a 400 about an
 * unknown or forbidden field has `{field: name}` and its message says what is wrong.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const detail = error.detail;
  if (typeof detail !== "object" || detail === null) return {};
  const entries = Object.entries(detail as Record<string, unknown>);
  if (error.status === 400) {
    const field = (detail as { field?: unknown }).field;
    return typeof field === "string" ? { [field]: error.message } : {};
  }
  return Object.fromEntries(entries.filter(([, v]) => typeof v === "string")) as FieldErrors;
}
