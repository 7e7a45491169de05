import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";
import { LoginForm } from "@/features/auth/components/login-form";

const focusable = "a[href], button:not([disabled]), input:not([disabled]), select, textarea";

// A modal keeps Tab and Shift+Tab inside it: from the last control back to the first and around.
function keepFocusInside(container: HTMLElement, event: KeyboardEvent) {
  const controls = container.querySelectorAll<HTMLElement>(focusable);
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}

/** A modal with the login form, or the forgotten-password form; Escape or Close shuts it. */
export function LoginDialog({ onClose }: { onClose: () => void }) {
  const [forgotten, setForgotten] = useState(false);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);

  // Focus moves into the dialog when it opens (the first field has autoFocus; this is the fallback).
  useEffect(() => {
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
  }, [forgotten]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") onClose();
    if (event.key === "Tab" && dialog.current) keepFocusInside(dialog.current, event);
  }

  // Rendered at the end of <body>, above everything, not inside the header it opens from.
  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{forgotten ? "Forgotten password" : "Log in"}</h2>
        {forgotten ? <ForgotPasswordForm /> : <LoginForm onLoggedIn={onClose} />}
        <div className="dialog-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setForgotten(!forgotten);
            }}
          >
            {forgotten ? "Back to log in" : "Forgot your password?"}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
