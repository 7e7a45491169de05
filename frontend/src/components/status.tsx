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
