import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MembersAdmin } from "@/features/master/components/members-admin";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";

describe("MembersAdmin", () => {
  it("deletes a member after confirming and lists the rest", async () => {
    const user = userEvent.setup();
    vi.spyOn(window, "confirm").mockReturnValue(true);
    let members = [
      aMember({ short_uuid: "a1", first_name: "Ada" }),
      aMember({ short_uuid: "b2", first_name: "Bo" }),
    ];
    serveApi({
      "GET /api/v1/members/": () => jsonResponse(members),
      "DELETE /api/v1/members/b2": () => {
        members = members.filter((m) => m.short_uuid !== "b2");
        return jsonResponse({ status: "deleted", short_uuid: "b2" });
      },
    });
    renderWithRouter(<MembersAdmin />);

    expect(await screen.findByRole("link", { name: "Edit Bo Lovelace" })).toHaveAttribute(
      "href",
      "/profile/b2",
    );
    await user.click(screen.getByRole("button", { name: "Delete Bo Lovelace" }));

    expect(await screen.findByText("Ada Lovelace")).toBeVisible();
    await vi.waitFor(() => {
      expect(screen.queryByText("Bo Lovelace")).not.toBeInTheDocument();
    });
  });

  it("shows why a delete was refused", async () => {
    const user = userEvent.setup();
    vi.spyOn(window, "confirm").mockReturnValue(true);
    serveApi({
      "GET /api/v1/members/": () => jsonResponse([aMember({ short_uuid: "me", first_name: "Me" })]),
      "DELETE /api/v1/members/me": () =>
        jsonResponse({ error: "you cannot delete your own account; ask another master" }, 409),
    });
    renderWithRouter(<MembersAdmin />);

    await user.click(await screen.findByRole("button", { name: "Delete Me Lovelace" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not deleted: you cannot delete your own account",
    );
  });
});
