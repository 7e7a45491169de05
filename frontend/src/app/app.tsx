import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { routes } from "@/app/router";
import { createQueryClient } from "@/lib/query-client";
import { subscribeToSession } from "@/lib/session";

interface AppProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/** Everything a page may rely on being above it (tests wrap a memory router in the same). */
export function AppProviders({ queryClient, children }: AppProvidersProps) {
  // What the API answers depends on who asks: after a login or logout nothing cached still holds.
  useEffect(
    () =>
      subscribeToSession(() => {
        void queryClient.resetQueries();
      }),
    [queryClient],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** The whole SPA: providers around the router of every page. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
