import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EventDetails } from "@/features/events/components/event-details";
import { anEvent } from "@/testing/events";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";
import { logInForTest } from "@/testing/session";

const event = anEvent({ uuid: "e1", title: "Pub night" });

function renderAs(role: "public" | "marshal" | "master") {
  if (role !== "public") logInForTest();
  const sent = serveApi({
    "GET /api/v1/events/e1": () => jsonResponse(event),
    "DELETE /api/v1/events/e1": () => jsonResponse({ status: "deleted", uuid: "e1" }),
    "/api/v1/me": () => jsonResponse(aMember({ current_role: role === "public" ? "prao" : role })),
  });
  renderWithRouter(<EventDetails uuid="e1" />, { at: "/events/e1", path: "/events/:uuid" });
  return sent;
}

describe("EventDetails", () => {
  it("shows the event without edit or delete to a visitor", async () => {
    renderAs("public");

    expect(await screen.findByRole("heading", { name: "Pub night" })).toBeVisible();
    expect(screen.getByText("Puben")).toBeVisible();
    expect(screen.queryByRole("link", { name: "Edit" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  });

  it("lets a marshal edit but not delete", async () => {
    renderAs("marshal");

    expect(await screen.findByRole("link", { name: "Edit" })).toHaveAttribute(
      "href",
      "/events/e1/edit",
    );
    expect(screen.queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  });

  it("lets a master delete after confirming", async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    const sent = renderAs("master");

    await user.click(await screen.findByRole("button", { name: "Delete" }));

    expect(confirm).toHaveBeenCalledWith("Delete “Pub night” for good?");
    expect(await screen.findByText("Elsewhere")).toBeVisible(); // navigated to /events
    expect(sent.some((r) => r.method === "DELETE")).toBe(true);
  });

  it("deletes nothing when the master changes their mind", async () => {
    const user = userEvent.setup();
    vi.spyOn(window, "confirm").mockReturnValue(false);
    const sent = renderAs("master");

    await user.click(await screen.findByRole("button", { name: "Delete" }));

    expect(sent.some((r) => r.method === "DELETE")).toBe(false);
    expect(screen.getByRole("heading", { name: "Pub night" })).toBeVisible();
  });
});
