/** What the browser shows while the first page's code is still downloading. */
export function StartingUp() {
  return (
    <p className="starting-up" aria-busy="true">
      Loading TMEIT…
    </p>
  );
}
