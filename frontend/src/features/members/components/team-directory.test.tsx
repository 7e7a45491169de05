import { screen, within } from "@testing-library/react";
import { TeamDirectory } from "@/features/members/components/team-directory";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";

describe("TeamDirectory", () => {
  it("groups members by role, masters first, each card linking to the profile", async () => {
    serveApi({
      "/api/v1/members/": () =>
        jsonResponse([
          aMember({ short_uuid: "p1", first_name: "Pia", current_role: "prao" }),
          aMember({ short_uuid: "m1", first_name: "Max", current_role: "master" }),
          aMember({ short_uuid: "x1", first_name: "Xena", current_role: "exprao" }),
          aMember({ short_uuid: "s1", first_name: "Sam", current_role: "marshal" }),
        ]),
    });
    renderWithRouter(<TeamDirectory />);

    const headings = await screen.findAllByRole("heading", { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([
      "Masters",
      "Marshals",
      "Praos",
      "Ex-members",
    ]);
    const masters = screen.getByRole("region", { name: "Masters" });
    expect(within(masters).getByRole("link", { name: "Max Lovelace" })).toHaveAttribute(
      "href",
      "/profile/m1",
    );
    const ex = screen.getByRole("region", { name: "Ex-members" });
    expect(within(ex).getByText("Xena Lovelace")).toBeVisible();
  });

  it("says when the team cannot be loaded", async () => {
    serveApi({ "/api/v1/members/": () => jsonResponse({ error: "busy" }, 503) });
    renderWithRouter(<TeamDirectory />);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The team could not be loaded: busy",
    );
  });
});
