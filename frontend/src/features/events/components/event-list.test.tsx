import { screen } from "@testing-library/react";
import { EventList } from "@/features/events/components/event-list";
import { anEvent } from "@/testing/events";
import { photoUrls } from "@/testing/photos";
import { jsonResponse, serveApi, pending } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";

describe("EventList", () => {
  it("shows each event as a card linking to its page, in local time", async () => {
    const sent = serveApi({
      "/api/v1/events/": () => jsonResponse([anEvent({ title: "Pub night", uuid: "e1" })]),
    });
    renderWithRouter(<EventList upcoming empty="None" />);

    const link = await screen.findByRole("link", { name: "Pub night" });
    expect(link).toHaveAttribute("href", "/events/e1");
    expect(screen.getByText(/Thu, 3 Dec 2026, 18:00/)).toBeVisible(); // 17:00Z in Stockholm
    expect(sent[0]?.url.searchParams.get("upcoming")).toBe("true");
  });

  it("shows an event's banner above its title, and no image for one without", async () => {
    serveApi({
      "/api/v1/events/": () =>
        jsonResponse([
          anEvent({ uuid: "a", title: "Pub night", banner: photoUrls("pub") }),
          anEvent({ uuid: "b", title: "Quiz night" }),
        ]),
    });
    const { container } = renderWithRouter(<EventList upcoming empty="None" />);

    await screen.findByRole("link", { name: "Pub night" });
    const banners = container.querySelectorAll("img");
    expect(banners).toHaveLength(1);
    expect(banners[0]).toHaveAttribute(
      "srcset",
      "/photos/pub-256.webp 256w, /photos/pub-1024.webp 1024w, /photos/pub-2048.webp 2048w",
    );
    expect(banners[0]).toHaveAttribute("loading", "lazy");
    expect(banners[0]).toHaveClass("banner");
  });

  it("leaves out non-public events where only public ones belong", async () => {
    serveApi({
      "/api/v1/events/": () =>
        jsonResponse([
          anEvent({ uuid: "a", title: "Open pub" }),
          anEvent({ uuid: "b", title: "Board meeting", visibility: "elected" }),
        ]),
    });
    renderWithRouter(<EventList upcoming publicOnly empty="None" />);

    expect(await screen.findByRole("link", { name: "Open pub" })).toBeVisible();
    expect(screen.queryByText("Board meeting")).not.toBeInTheDocument();
  });

  it("says when there is nothing to show", async () => {
    serveApi({ "/api/v1/events/": () => jsonResponse([]) });
    renderWithRouter(<EventList upcoming={false} empty="No past events." />);

    expect(await screen.findByText("No past events.")).toBeVisible();
  });

  it("shows loading, then the error", async () => {
    serveApi({ "/api/v1/events/": pending });
    const { unmount } = renderWithRouter(<EventList upcoming empty="None" />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading events…");
    unmount();

    serveApi({ "/api/v1/events/": () => jsonResponse({ error: "database unavailable" }, 503) });
    renderWithRouter(<EventList upcoming empty="None" />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Events could not be loaded: database unavailable",
    );
  });
});
