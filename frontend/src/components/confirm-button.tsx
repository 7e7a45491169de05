import type { ReactNode } from "react";

interface ConfirmButtonProps {
  /** Asked before anything happens, e.g. "Delete Ada for good?". */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** The accessible name where the visible text alone is ambiguous (a list of Delete buttons). */
  label?: string;
  children: ReactNode;
}

/** A destructive button that acts only after the user confirms. */
export function ConfirmButton({
  question,
  onConfirm,
  disabled,
  label,
  children,
}: ConfirmButtonProps) {
  return (
    <button
      type="button"
      className="danger"
      aria-label={label}
      disabled={disabled}
      onClick={() => {
        if (window.confirm(question)) onConfirm();
      }}
    >
      {children}
    </button>
  );
}
