import type { RouteObject } from "react-router";
import { AppShell } from "@/app/app-shell";
import { RouteError } from "@/app/route-error";
import { StartingUp } from "@/app/starting-up";

// Every page is its own chunk, so the first visit downloads only the shell and the page it shows.
export const routes: RouteObject[] = [
  {
    path: "/",
    Component: AppShell,
    ErrorBoundary: RouteError,
    HydrateFallback: StartingUp,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import("@/app/routes/home")).HomePage }),
      },
      {
        path: "events",
        lazy: async () => ({ Component: (await import("@/app/routes/events")).EventsPage }),
      },
      {
        path: "events/new",
        lazy: async () => ({ Component: (await import("@/app/routes/event-new")).NewEventPage }),
      },
      {
        path: "events/:uuid",
        lazy: async () => ({ Component: (await import("@/app/routes/event")).EventPage }),
      },
      {
        path: "events/:uuid/edit",
        lazy: async () => ({ Component: (await import("@/app/routes/event-edit")).EditEventPage }),
      },
      {
        path: "team",
        lazy: async () => ({ Component: (await import("@/app/routes/team")).TeamPage }),
      },
      {
        path: "profile/:shortUuid",
        lazy: async () => ({ Component: (await import("@/app/routes/profile")).ProfilePage }),
      },
      {
        path: "join_tmeit",
        lazy: async () => ({ Component: (await import("@/app/routes/join-tmeit")).JoinTmeitPage }),
      },
      {
        path: "join_completed",
        lazy: async () => ({
          Component: (await import("@/app/routes/join-completed")).JoinCompletedPage,
        }),
      },
      {
        path: "master",
        lazy: async () => ({ Component: (await import("@/app/routes/master")).MasterPage }),
      },
      {
        path: "reset/:token",
        lazy: async () => ({
          Component: (await import("@/app/routes/reset-password")).ResetPasswordPage,
        }),
      },
      {
        path: "about",
        lazy: async () => ({ Component: (await import("@/app/routes/about")).AboutPage }),
      },
      {
        path: "documents",
        lazy: async () => ({ Component: (await import("@/app/routes/documents")).DocumentsPage }),
      },
      {
        path: "privacy",
        lazy: async () => ({ Component: (await import("@/app/routes/privacy")).PrivacyPage }),
      },
      {
        path: "*",
        lazy: async () => ({ Component: (await import("@/app/routes/not-found")).NotFoundPage }),
      },
    ],
  },
];
