import { Suspense } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { BackendVersion } from "@/features/version/components/backend-version";

const navigation = [
  { to: "/events", label: "Events" },
  { to: "/team", label: "Team" },
  { to: "/join_tmeit", label: "Join TMEIT" },
  { to: "/about", label: "About" },
];

/** The frame around every page: header with navigation, the page, footer. */
export function AppShell() {
  return (
    <div className="shell">
      <header className="site-header">
        <Link to="/" className="brand">
          TMEIT
        </Link>
        <nav aria-label="Main">
          <ul>
            {navigation.map(({ to, label }) => (
              <li key={to}>
                <NavLink to={to}>{label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <nav aria-label="Footer">
          <ul>
            <li>
              <Link to="/about">About</Link>
            </li>
            <li>
              <Link to="/documents">Documents</Link>
            </li>
            <li>
              <Link to="/privacy">Privacy</Link>
            </li>
            <li>
              {/* Served by the backend, not a route of this app. */}
              <a href="/api/v1/docs">API</a>
            </li>
          </ul>
        </nav>
        <p className="versions">
          <span>Frontend v{__APP_VERSION__}</span> · <BackendVersion />
        </p>
      </footer>
    </div>
  );
}
