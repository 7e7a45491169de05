import { isRouteErrorResponse, useRouteError } from "react-router";

/** Shown when a page fails to load or render, e.g. a chunk that vanished with a new deploy. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : "The page could not be shown.";
  return (
    <main className="page">
      <title>Something went wrong · TMEIT</title>
      <h1>Something went wrong</h1>
      <p>{message}</p>
      <p>
        <a href={window.location.href}>Reload the page</a> or go to the <a href="/">home page</a>.
      </p>
    </main>
  );
}
