import { ApiError } from "@/lib/api-client";

/** Problems by field name, as forms show them beside each field. */
export type FieldErrors = Partial<Record<string, string>>;

/** One problem of an API error's `detail`, as FastAPI lists them: `loc` ends with the field. */
interface Problem {
  loc: unknown[];
  msg: string;
}

function isProblem(item: unknown): item is Problem {
  if (typeof item !== "object" || item === null) return false;
  const { loc, msg } = item as { loc?: unknown; msg?: unknown };
  return Array.isArray(loc) && loc.length > 0 && typeof msg === "string";
}

/**
 * The field problems in an API error. A 400 about an unknown or forbidden field and a 422 list
 * them in `detail` the way FastAPI does (`[{loc: ["body", field], msg, type}, ...]`); any other
 * `detail` (a plain message) is about no field.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.detail)) return {};
  const errors: FieldErrors = {};
  for (const item of error.detail) {
    if (!isProblem(item)) continue;
    const field = item.loc[item.loc.length - 1];
    if (typeof field === "string") errors[field] ??= item.msg;
  }
  return errors;
}
