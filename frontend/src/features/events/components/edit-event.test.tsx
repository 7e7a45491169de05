import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EditEvent } from "@/features/events/components/edit-event";
import { anEvent } from "@/testing/events";
import { aMember } from "@/testing/members";
import { jsonResponse, noContent, serveApi, type SentRequest } from "@/testing/api-server";
import { aFile, photoUrls } from "@/testing/photos";
import { renderWithRouter } from "@/testing/render";
import { logInForTest } from "@/testing/session";

const event = anEvent({ uuid: "e1", title: "Pub night" });

describe("EditEvent", () => {
  it("saves onto the version shown", async () => {
    const user = userEvent.setup();
    logInForTest();
    const patches: SentRequest[] = [];
    serveApi({
      "GET /api/v1/events/e1": () => jsonResponse(event, 200, { ETag: '"7"' }),
      "PATCH /api/v1/events/e1": (request) => {
        patches.push(request);
        return jsonResponse({ ...event, title: "Quiz night" }, 200, { ETag: '"8"' });
      },
      "/api/v1/me": () => jsonResponse(aMember({ current_role: "marshal" })),
    });
    renderWithRouter(<EditEvent uuid="e1" />, {
      at: "/events/e1/edit",
      path: "/events/:uuid/edit",
    });

    const title = await screen.findByLabelText(/Title/);
    await user.clear(title);
    await user.type(title, "Quiz night");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await vi.waitFor(() => {
      expect(patches).toHaveLength(1);
    });
    expect(patches[0]?.headers.get("If-Match")).toBe('"7"');
  });

  it("tells the user someone else changed the event, and loads their version", async () => {
    const user = userEvent.setup();
    logInForTest();
    let current = event;
    serveApi({
      "GET /api/v1/events/e1": () => jsonResponse(current, 200, { ETag: '"1"' }),
      "PATCH /api/v1/events/e1": () => {
        current = { ...event, title: "Moved to Friday" };
        return jsonResponse({ error: "someone else changed this record" }, 412);
      },
      "/api/v1/me": () => jsonResponse(aMember({ current_role: "marshal" })),
    });
    renderWithRouter(<EditEvent uuid="e1" />, {
      at: "/events/e1/edit",
      path: "/events/:uuid/edit",
    });

    await user.click(await screen.findByRole("button", { name: "Save changes" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "someone else changed this event while you were editing it",
    );
    await user.click(screen.getByRole("button", { name: "Load the current version" }));
    expect(await screen.findByDisplayValue("Moved to Friday")).toBeVisible();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("sets a banner, keeping what is typed in the form, and removes it after confirming", async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    logInForTest();
    let current = event;
    const sent = serveApi({
      "GET /api/v1/events/e1": () => jsonResponse(current, 200, { ETag: '"1"' }),
      "PUT /api/v1/events/e1/banner": () => {
        current = { ...event, banner: photoUrls("pub") };
        return jsonResponse(current);
      },
      "DELETE /api/v1/events/e1/banner": () => {
        current = event;
        return noContent();
      },
      "/api/v1/me": () => jsonResponse(aMember({ current_role: "marshal" })),
    });
    const { container } = renderWithRouter(<EditEvent uuid="e1" />, {
      at: "/events/e1/edit",
      path: "/events/:uuid/edit",
    });

    await user.type(await screen.findByLabelText(/Title/), " (moved)");
    await user.upload(screen.getByLabelText("Add a banner"), aFile("pub.jpg", "image/jpeg"));

    expect(await screen.findByText("Banner saved.")).toBeVisible();
    await vi.waitFor(() => {
      expect(container.querySelector("img.banner")).toHaveAttribute("src", "/photos/pub-1024.webp");
    });
    expect(screen.getByLabelText(/Title/)).toHaveValue("Pub night (moved)");
    expect(sent.find((r) => r.method === "PUT")?.body).toContain('filename="pub.jpg"');

    await user.click(screen.getByRole("button", { name: "Remove the banner" }));
    expect(confirm).toHaveBeenCalledWith("Remove the banner of “Pub night”?");
    expect(await screen.findByText(/No banner yet/)).toBeVisible();
    expect(container.querySelector("img.banner")).toBeNull();
  });
});
