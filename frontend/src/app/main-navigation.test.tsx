import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MainNavigation } from "@/app/main-navigation";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";
import { logInForTest } from "@/testing/session";

describe("MainNavigation", () => {
  it("opens and closes the phone menu with its button", async () => {
    const user = userEvent.setup();
    renderWithRouter(<MainNavigation />);
    const menu = screen.getByRole("button", { name: "Menu" });

    expect(menu).toHaveAttribute("aria-expanded", "false");
    await user.click(menu);
    expect(menu).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("list")).toHaveClass("open");

    await user.click(screen.getByRole("link", { name: "Team" }));
    expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  it("links to the master page for masters only", async () => {
    logInForTest();
    serveApi({ "/api/v1/me": () => jsonResponse(aMember({ current_role: "master" })) });
    renderWithRouter(<MainNavigation />);

    expect(await screen.findByRole("link", { name: "Master" })).toHaveAttribute("href", "/master");
  });

  it("has no master link for a visitor", () => {
    renderWithRouter(<MainNavigation />);

    expect(screen.getByRole("link", { name: "Events" })).toBeVisible();
    expect(screen.queryByRole("link", { name: "Master" })).not.toBeInTheDocument();
  });
});
