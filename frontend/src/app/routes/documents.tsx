import { Link } from "react-router";
import { Page } from "@/components/page";

export function DocumentsPage() {
  return (
    <Page title="Documents">
      <p>The club&apos;s governing documents and policies.</p>
      <ul>
        <li>
          Statutes and the chapter&apos;s rules for its clubs: ask a master for the current version.
        </li>
        <li>
          <Link to="/privacy">Privacy policy</Link>: what personal data we keep and for how long.
        </li>
        <li>
          <a href="/api/v1/docs">API documentation</a>: for those who build on the platform.
        </li>
      </ul>
    </Page>
  );
}
