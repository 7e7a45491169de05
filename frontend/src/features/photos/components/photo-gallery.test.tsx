import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PhotoGallery } from "@/features/photos/components/photo-gallery";
import type { Photo } from "@/lib/api-types";
import {
  heldResponse,
  jsonResponse,
  noContent,
  serveApi,
  type Replies,
} from "@/testing/api-server";
import { aFile, aPhoto, photoUrls } from "@/testing/photos";
import { renderWithQueryClient } from "@/testing/render";
import { logInForTest } from "@/testing/session";

const photos = "/api/v1/members/AdaAda12/photos";

function renderGallery(replies: Replies, canEdit = true) {
  logInForTest();
  const sent = serveApi(replies);
  renderWithQueryClient(<PhotoGallery shortUuid="AdaAda12" canEdit={canEdit} own />);
  return sent;
}

/** The tile of the photo shown as `name` ("Photo 2"). */
function tile(name: string): HTMLElement {
  const figure = screen.getByRole("img", { name }).closest("figure");
  if (!figure) throw new Error(`no figure around ${name}`);
  return figure;
}

describe("PhotoGallery", () => {
  it("uploads a chosen photo with a progress bar, then shows it", async () => {
    const user = userEvent.setup();
    let stored: Photo[] = [];
    const answer = heldResponse(201);
    const sent = renderGallery({
      [`GET ${photos}`]: () => jsonResponse(stored),
      [`POST ${photos}`]: () => answer.response,
    });

    expect(await screen.findByText("You have no photos yet.")).toBeVisible();
    await user.selectOptions(screen.getByLabelText("Who may see a new photo"), "public");
    await user.upload(screen.getByLabelText("Add a photo"), aFile("me.jpg", "image/jpeg"));

    // The whole file is sent; the server's answer is still to come.
    const bar = await screen.findByRole("progressbar", { name: "Upload progress" });
    await vi.waitFor(() => {
      expect((bar as HTMLProgressElement).value).toBe(100);
    });
    expect(screen.getByText("Uploaded; the server is preparing the photo…")).toBeVisible();
    expect(screen.getByLabelText("Add a photo")).toBeDisabled();

    stored = [aPhoto({ visibility: "public", primary: true, urls: photoUrls("me") })];
    answer.send(stored[0]);

    const shown = await screen.findByRole("img", { name: "Photo 1" });
    expect(shown).toHaveAttribute("src", "/photos/me-1024.webp");
    expect(screen.getByText("Photo added.")).toBeVisible();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    const post = sent.find((r) => r.method === "POST");
    expect(post?.body).toContain('name="visibility"\r\n\r\npublic\r\n');
    expect(post?.body).toContain('name="file"; filename="me.jpg"');
  });

  it("refuses a file of another type or over 15 MB before sending anything", async () => {
    const sent = renderGallery({ [`GET ${photos}`]: () => jsonResponse([]) });
    const input = await screen.findByLabelText("Add a photo");

    const dropZone = input.closest(".photo-drop");
    if (!dropZone) throw new Error("no drop zone");
    fireEvent.drop(dropZone, { dataTransfer: { files: [aFile("party.gif", "image/gif")] } });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "“party.gif” is not a photo the site takes: choose a JPEG, PNG, WebP or HEIC file.",
    );

    // The picker's `accept` hides other files, but "All files" is one click away.
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(input, aFile("huge.jpg", "image/jpeg", 20 * 1024 * 1024));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "“huge.jpg” is 20.0 MB: a photo may be at most 15 MB.",
    );
    expect(sent.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("shows the server's reason when it refuses the photo", async () => {
    const user = userEvent.setup();
    renderGallery({
      [`GET ${photos}`]: () => jsonResponse([]),
      [`POST ${photos}`]: () =>
        jsonResponse({ error: "file: the image is damaged or cut off" }, 422),
    });

    await user.upload(await screen.findByLabelText("Add a photo"), aFile("x.jpg", "image/jpeg"));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not uploaded: file: the image is damaged or cut off",
    );
    expect(screen.getByLabelText("Add a photo")).toBeEnabled();
  });

  it("sets the profile photo, changes who sees a photo, and deletes after confirming", async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    let stored = [
      aPhoto({ id: "p1", primary: true, visibility: "public", urls: photoUrls("one") }),
      aPhoto({ id: "p2", urls: photoUrls("two") }),
    ];
    const sent = renderGallery({
      [`GET ${photos}`]: () => jsonResponse(stored),
      [`PUT ${photos}/p2/primary`]: () => {
        stored = stored.map((p) => ({ ...p, primary: p.id === "p2" }));
        return noContent();
      },
      [`PATCH ${photos}/p2`]: ({ body }) => {
        stored = stored.map((p) => (p.id === "p2" ? { ...p, ...(body as object) } : p));
        return jsonResponse(stored[1] ?? {});
      },
      [`DELETE ${photos}/p1`]: () => {
        stored = stored.filter((p) => p.id !== "p1");
        return noContent();
      },
    });

    await user.click(await screen.findByRole("button", { name: "Use Photo 2 as profile photo" }));
    await vi.waitFor(() => {
      expect(within(tile("Photo 2")).getByText("Profile photo")).toBeVisible();
    });
    expect(within(tile("Photo 1")).queryByText("Profile photo")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Make Photo 2 public" }));
    await vi.waitFor(() => {
      expect(within(tile("Photo 2")).getByText("Public")).toBeVisible();
    });
    expect(sent.find((r) => r.method === "PATCH")?.body).toEqual({ visibility: "public" });

    await user.click(screen.getByRole("button", { name: "Delete Photo 1" }));
    expect(confirm).toHaveBeenCalledWith("Delete photo 1 for good? This cannot be undone.");
    await vi.waitFor(() => {
      expect(screen.getAllByRole("img")).toHaveLength(1);
    });
    expect(screen.getByRole("img", { name: "Photo 1" })).toHaveAttribute(
      "src",
      "/photos/two-1024.webp",
    );
    // The list was fetched again after each change, never patched up from an answer.
    expect(sent.filter((r) => r.method === "GET")).toHaveLength(4);
  });

  it("deletes nothing when the member changes their mind", async () => {
    const user = userEvent.setup();
    vi.spyOn(window, "confirm").mockReturnValue(false);
    const sent = renderGallery({ [`GET ${photos}`]: () => jsonResponse([aPhoto()]) });

    await user.click(await screen.findByRole("button", { name: "Delete Photo 1" }));

    expect(sent.filter((r) => r.method === "DELETE")).toEqual([]);
    expect(screen.getByRole("img", { name: "Photo 1" })).toBeVisible();
  });

  it("shows another member the photos without anything to change", async () => {
    renderGallery({ [`GET ${photos}`]: () => jsonResponse([aPhoto()]) }, false);

    expect(await screen.findByRole("img", { name: "Photo 1" })).toBeVisible();
    expect(screen.queryByLabelText("Add a photo")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
