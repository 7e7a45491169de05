import { Suspense } from "react";
import { Link, Outlet } from "react-router";
import { MainNavigation } from "@/app/main-navigation";
import { Loading } from "@/components/status";
import { AccountMenu } from "@/features/auth/components/account-menu";
import { BackendVersion } from "@/features/version/components/backend-version";

/** The frame around every page: header with navigation and login, the page, footer. */
export function AppShell() {
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          TMEIT
        </Link>
        <MainNavigation />
        <AccountMenu />
      </header>
      <main id="content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
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
