import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

interface FieldProps {
  label: ReactNode;
  /** The server's (or the form's own) complaint about this field, shown under it. */
  error?: string | undefined;
  hint?: ReactNode;
}

/** Ties the hint and the error to the control, so screen readers read them with it. */
function ariaFor(id: string, { error, hint }: FieldProps) {
  const ids = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

function FieldNotes({ id, error, hint }: FieldProps & { id: string }) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </>
  );
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled input with its hint and error below it. */
export function TextField({ label, error, hint, ...input }: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...ariaFor(id, { label, error, hint })} {...input} />
      <FieldNotes id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

/** A labelled checkbox, the label after the box. */
export function CheckField({ label, error, hint, ...input }: InputProps) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" {...ariaFor(id, { label, error, hint })} {...input} />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { options: readonly string[] };

/** A labelled drop-down of plain string options. */
export function SelectField({ label, error, hint, options, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...ariaFor(id, { label, error, hint })} {...select}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <FieldNotes id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

/** A labelled multi-line text box. */
export function TextAreaField({ label, error, hint, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} {...ariaFor(id, { label, error, hint })} {...textarea} />
      <FieldNotes id={id} label={label} error={error} hint={hint} />
    </div>
  );
}
