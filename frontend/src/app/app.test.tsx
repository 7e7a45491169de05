import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { AppProviders } from "@/app/app";
import { routes } from "@/app/router";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { createTestQueryClient } from "@/testing/render";

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders queryClient={createTestQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe("the app", () => {
  beforeEach(() => {
    serveApi({
      "/api/v1/version": () => jsonResponse({ backend: "0.1.0", schema_version: 3 }),
      "/api/v1/events/": () => jsonResponse([]),
      "/api/v1/members/": () => jsonResponse([]),
      "/api/v1/members/AbCdEf12": () =>
        jsonResponse(aMember({ first_name: "Ada", last_name: "Lovelace" })),
    });
  });

  it("shows the home page, telling what TMEIT is", async () => {
    renderAt("/");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Welcome to TMEIT" }),
    ).toBeVisible();
    expect(screen.getByText(/the club that runs the pubs and parties/)).toBeVisible();
  });

  it("shows the backend version in the footer", async () => {
    renderAt("/");

    const footer = await screen.findByRole("contentinfo");
    expect(await within(footer).findByText("Backend v0.1.0 · schema 3")).toBeVisible();
    expect(within(footer).getByRole("link", { name: "API" })).toHaveAttribute(
      "href",
      "/api/v1/docs",
    );
  });

  it.each([
    ["/events", "Events"],
    ["/team", "Team"],
    ["/events/new", "New event"],
    ["/profile/AbCdEf12", "Ada Lovelace"],
    ["/join_tmeit", "Join TMEIT"],
    ["/join_completed", "Thanks for signing up"],
    ["/master", "Masters"],
    ["/reset/some-token", "Choose a new password"],
    ["/about", "About TMEIT"],
    ["/documents", "Documents"],
    ["/privacy", "Privacy policy"],
  ])("has a page at %s", async (path, heading) => {
    renderAt(path);

    expect(await screen.findByRole("heading", { level: 1, name: heading })).toBeVisible();
  });

  it("says so when there is no page at the address", async () => {
    renderAt("/no/such/page");

    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });

  it("navigates from the header", async () => {
    const user = userEvent.setup();
    renderAt("/");
    await screen.findByRole("heading", { level: 1, name: "Welcome to TMEIT" });

    const header = screen.getByRole("navigation", { name: "Main" });
    await user.click(within(header).getByRole("link", { name: "Events" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  });
});
