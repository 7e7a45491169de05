import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router";

/** A QueryClient for one test: no retries (errors show at once) and no shared cache. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

/** Renders `ui` with the providers a feature component expects. */
export function renderWithQueryClient(ui: ReactElement) {
  const queryClient = createTestQueryClient();
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

interface RouteOptions {
  /** The address the test starts at, e.g. "/events/abc". */
  at?: string;
  /** The route pattern `ui` is mounted on, e.g. "/events/:uuid", for useParams. */
  path?: string;
}

/** Renders `ui` inside a router (at `at`, mounted on `path`) and the query provider. */
export function renderWithRouter(ui: ReactElement, { at = "/", path = "*" }: RouteOptions = {}) {
  const queryClient = createTestQueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path={path} element={ui} />
          <Route path="*" element={<p>Elsewhere</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
