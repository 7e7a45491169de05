import { useState, type SubmitEvent } from "react";
import { CheckField, SelectField, TextField } from "@/components/form-fields";
import { ErrorNotice } from "@/components/status";
import { memberFields, roles, type MemberField } from "@/features/members/member-fields";
import type { MemberPatch } from "@/lib/api-types";
import { fieldErrorsOf } from "@/lib/field-errors";

type Values = Partial<Record<MemberField, string | boolean | null>>;
// Emptied, these are null to the API (not ""); the names never are.
const nullable = new Set<MemberField>(["nickname", "phone", "stad", "fest", "liquor_permit"]);

interface MemberFormProps {
  fields: readonly MemberField[];
  /** The member's current values (nothing for a new member). */
  initial?: Values;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Only the fields that differ from `initial`. */
  onSubmit: (changes: MemberPatch) => void;
}

/** A form over some member fields; sends only what changed, shows server errors per field. */
export function MemberForm({
  fields,
  initial = {},
  submitLabel,
  pending,
  error,
  onSubmit,
}: MemberFormProps) {
  const [values, setValues] = useState<Values>(initial);
  const set = (field: MemberField, value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }));
  };

  function submit(e: SubmitEvent) {
    e.preventDefault();
    const changes: Values = {};
    for (const field of fields) {
      let value = values[field] ?? null;
      if (value === "" && nullable.has(field)) value = null;
      if (value !== (initial[field] ?? null)) changes[field] = value;
    }
    onSubmit(changes as MemberPatch);
  }

  const errors = fieldErrorsOf(error);
  const shownAtField = fields.some((f) => errors[f] !== undefined);
  return (
    <form onSubmit={submit} className="stack">
      {fields.map((field) => {
        const { label, input } = memberFields[field];
        const value = values[field];
        const common = { label, error: errors[field] };
        if (input === "checkbox") {
          return (
            <CheckField
              key={field}
              {...common}
              checked={value === true}
              onChange={(e) => {
                set(field, e.target.checked);
              }}
            />
          );
        }
        if (input === "role") {
          return (
            <SelectField
              key={field}
              {...common}
              options={roles}
              value={typeof value === "string" ? value : "prao"}
              onValue={(value) => {
                set(field, value);
              }}
            />
          );
        }
        return (
          <TextField
            key={field}
            {...common}
            type={input}
            value={typeof value === "string" ? value : ""}
            onValue={(value) => {
              set(field, value);
            }}
          />
        );
      })}
      {error !== null && !shownAtField && <ErrorNotice error={error} what="Not saved" />}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
