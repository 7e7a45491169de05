import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

interface FieldProps {
  label: ReactNode;
  /** Called with the new value on every change: `onValue={setTitle}`. */
  onValue?: (value: string) => void;
  /** The server's (or the form's own) complaint about this field, shown under it. */
  error?: string | undefined;
  hint?: ReactNode;
}

/** Ties the hint and the error to the control, so screen readers read them with it. */
function ariaFor(id: string, { error, hint }: Omit<FieldProps, "label">) {
  const ids = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

function FieldNotes({ id, error, hint }: Omit<FieldProps, "label"> & { id: string }) {
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
export function TextField({ label, error, hint, onValue, ...input }: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...ariaFor(id, { error, hint })}
        {...input}
        onChange={(e) => {
          input.onChange?.(e);
          onValue?.(e.target.value);
        }}
      />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled checkbox, the label after the box. */
export function CheckField({ label, error, hint, ...input }: Omit<InputProps, "onValue">) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" {...ariaFor(id, { error, hint })} {...input} />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { options: readonly string[] };

/** A labelled drop-down of plain string options. */
export function SelectField({ label, error, hint, options, onValue, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        {...ariaFor(id, { error, hint })}
        {...select}
        onChange={(e) => {
          select.onChange?.(e);
          onValue?.(e.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

/** A labelled multi-line text box. */
export function TextAreaField({ label, error, hint, onValue, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        {...ariaFor(id, { error, hint })}
        {...textarea}
        onChange={(e) => {
          textarea.onChange?.(e);
          onValue?.(e.target.value);
        }}
      />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}
