import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemberProfile } from "@/features/members/components/member-profile";
import { readAccessToken } from "@/lib/api-client";
import type { MemberAsPublic } from "@/lib/api-types";
import { sessionEndedNotice } from "@/lib/session";
import { aMember } from "@/testing/members";
import { aPhoto, photoUrls } from "@/testing/photos";
import { fieldErrorResponse, jsonResponse, serveApi, type SentRequest } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";
import { logInForTest } from "@/testing/session";

const ada = aMember({ short_uuid: "AdaAda12", first_name: "Ada", phone: "070-1" });
const { uuid, short_uuid, current_role, first_name, nickname, last_name } = ada;
const adaInPublic: MemberAsPublic = {
  uuid,
  short_uuid,
  current_role,
  first_name,
  nickname,
  last_name,
  photo: null,
};

function renderProfile(replies: Parameters<typeof serveApi>[0]) {
  const sent = serveApi({
    "GET /api/v1/members/AdaAda12/photos": () => jsonResponse([]),
    ...replies,
  });
  renderWithRouter(<MemberProfile shortUuid="AdaAda12" />);
  return sent;
}

describe("MemberProfile", () => {
  it("shows a visitor only what the API sends, and nothing to edit", async () => {
    renderProfile({ "/api/v1/members/AdaAda12": () => jsonResponse(adaInPublic) });

    expect(await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
    expect(screen.getByText("Role")).toBeVisible();
    expect(screen.queryByText("Phone")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
  });

  it("shows a visitor the profile photo and the public photos, with nothing to change", async () => {
    renderProfile({
      "/api/v1/members/AdaAda12": () => jsonResponse({ ...adaInPublic, photo: photoUrls("ada") }),
      "GET /api/v1/members/AdaAda12/photos": () =>
        jsonResponse([aPhoto({ visibility: "public", primary: true, urls: photoUrls("ada") })]),
    });

    expect(await screen.findByRole("img", { name: "Photo of Ada Lovelace" })).toHaveAttribute(
      "sizes",
      "12rem",
    );
    expect(await screen.findByRole("img", { name: "Photo 1" })).toBeVisible();
    expect(screen.queryByLabelText("Add a photo")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows a member the gallery, with its controls on their own profile", async () => {
    logInForTest();
    renderProfile({
      "/api/v1/members/AdaAda12": () => jsonResponse(ada),
      "GET /api/v1/members/AdaAda12/photos": () => jsonResponse([aPhoto()]),
      "/api/v1/me": () => jsonResponse(ada),
    });

    expect(await screen.findByRole("img", { name: "Photo 1" })).toBeVisible();
    expect(screen.getByText("AL")).toBeVisible(); // no primary photo yet: the initials
    expect(screen.getByLabelText("Add a photo")).toBeEnabled();
  });

  it("lets a member edit their own fields and sends only what changed", async () => {
    const user = userEvent.setup();
    logInForTest();
    const patches: SentRequest[] = [];
    renderProfile({
      "GET /api/v1/members/AdaAda12": () => jsonResponse(ada),
      "PATCH /api/v1/members/AdaAda12": (request) => {
        patches.push(request);
        return jsonResponse({ ...ada, phone: "070-2" });
      },
      "/api/v1/me": () => jsonResponse(ada),
    });

    const phone = await screen.findByLabelText("Phone");
    expect(screen.queryByLabelText("First name")).not.toBeInTheDocument(); // masters only
    await user.clear(phone);
    await user.type(phone, "070-2");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved.")).toBeVisible();
    expect(patches[0]?.body).toEqual({ phone: "070-2" });
    expect(screen.getByRole("heading", { name: "Change your password" })).toBeVisible();
  });

  it("lets a master edit every field of someone else, role included", async () => {
    logInForTest();
    renderProfile({
      "/api/v1/members/AdaAda12": () => jsonResponse(ada),
      "/api/v1/me": () => jsonResponse(aMember({ short_uuid: "Boss0001", current_role: "master" })),
    });

    expect(await screen.findByLabelText("Role")).toHaveValue("prao");
    expect(screen.getByLabelText("First name")).toHaveValue("Ada");
    expect(screen.getByLabelText("Liquor permit training")).toBeVisible();
    expect(screen.queryByRole("heading", { name: "Change your password" })).not.toBeInTheDocument();
  });

  it("logs the member out with a word of why after they change their own email", async () => {
    const user = userEvent.setup();
    logInForTest();
    renderProfile({
      "GET /api/v1/members/AdaAda12": () => jsonResponse(ada),
      "PATCH /api/v1/members/AdaAda12": () => jsonResponse({ ...ada, login_email: "new@x.se" }),
      "/api/v1/me": () => jsonResponse(ada),
    });

    const email = await screen.findByLabelText("Email");
    await user.clear(email);
    await user.type(email, "new@x.se");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await vi.waitFor(() => {
      expect(readAccessToken()).toBeUndefined();
    });
    expect(sessionEndedNotice()).toBe("Your email is changed. Log in again with the new one.");
  });

  it("shows the server's complaint beside the field", async () => {
    const user = userEvent.setup();
    logInForTest();
    renderProfile({
      "GET /api/v1/members/AdaAda12": () => jsonResponse(ada),
      "PATCH /api/v1/members/AdaAda12": () =>
        fieldErrorResponse({ login_email: "is not an email" }),
      "/api/v1/me": () => jsonResponse(ada),
    });

    const email = await screen.findByLabelText("Email");
    await user.clear(email);
    await user.type(email, "nope@x");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("is not an email")).toBeVisible();
    expect(email).toHaveAttribute("aria-invalid", "true");
  });

  it("saves onto the version shown, and says so when someone else changed it meanwhile", async () => {
    const user = userEvent.setup();
    logInForTest();
    let version = 3;
    const patches: SentRequest[] = [];
    const sent = renderProfile({
      "GET /api/v1/members/AdaAda12": () =>
        jsonResponse(version === 3 ? ada : { ...ada, phone: "070-9" }, 200, {
          ETag: `"${version}-self"`,
        }),
      "PATCH /api/v1/members/AdaAda12": (request) => {
        patches.push(request);
        version = 4; // a master's change got there first
        return jsonResponse({ error: "someone else changed this record" }, 412);
      },
      "/api/v1/me": () => jsonResponse(ada),
    });

    const phone = await screen.findByLabelText("Phone");
    await user.clear(phone);
    await user.type(phone, "070-2");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not saved: someone else changed this profile while you were editing it.",
    );
    expect(patches[0]?.headers.get("If-Match")).toBe('"3-self"');
    await user.click(screen.getByRole("button", { name: "Load the current version" }));
    expect(await screen.findByLabelText("Phone")).toHaveValue("070-9");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(sent.length).toBeGreaterThan(3);
  });

  it("offers the member a download of all their data", async () => {
    const user = userEvent.setup();
    logInForTest();
    const createObjectURL = vi.fn(() => "blob:data");
    vi.stubGlobal(
      "URL",
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(() => undefined);
    renderProfile({
      "GET /api/v1/members/AdaAda12": () => jsonResponse(ada),
      "/api/v1/members/AdaAda12/export": () => jsonResponse({ member: ada, photos: [] }),
      "/api/v1/me": () => jsonResponse(ada),
    });

    await user.click(await screen.findByRole("button", { name: "Download all data (JSON)" }));

    expect(await screen.findByText("Downloaded.")).toBeVisible();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("offers no download of someone else's data to a member", async () => {
    logInForTest();
    renderProfile({
      "/api/v1/members/AdaAda12": () => jsonResponse(ada),
      "/api/v1/me": () => jsonResponse(aMember({ short_uuid: "Other001", current_role: "vraq" })),
    });

    expect(await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
    expect(screen.queryByRole("button", { name: /Download/ })).not.toBeInTheDocument();
  });

  it("says so when there is no such member", async () => {
    renderProfile({ "/api/v1/members/AdaAda12": () => jsonResponse({ error: "not found" }, 404) });

    expect(await screen.findByRole("alert")).toHaveTextContent("The profile could not be loaded");
  });
});
