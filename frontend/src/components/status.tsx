/** Says a request is on its way; screen readers hear it once. */
export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-busy="true">
      {what}…
    </p>
  );
}

/** Says a request failed, with the server's message when it gave one. */
export function ErrorNotice({ error, what }: { error: unknown; what?: string }) {
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return (
    <p className="error-notice" role="alert">
      {what ? `${what}: ` : ""}
      {message}
    </p>
  );
}

/**
 * Says a save was refused because someone else changed the record since it was loaded (a 412),
 * with a button that loads their version so the user can make their change on it again.
 */
export function StaleNotice({ what, onReload }: { what: string; onReload: () => void }) {
  return (
    <div className="error-notice" role="alert">
      <p>
        Not saved: someone else changed this {what} while you were editing it. Load their version,
        then make your change again.
      </p>
      <button type="button" onClick={onReload}>
        Load the current version
      </button>
    </div>
  );
}
