import { screen } from "@testing-library/react";
import { RequireRole } from "@/features/auth/components/require-role";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";
import { logInForTest } from "@/testing/session";

const guarded = (
  <RequireRole roles={["master"]} who="masters">
    <p>Secret admin things</p>
  </RequireRole>
);

describe("RequireRole", () => {
  it("asks a visitor to log in", () => {
    renderWithQueryClient(guarded);

    expect(screen.getByRole("alert")).toHaveTextContent("This page is for masters. Log in first");
    expect(screen.queryByText("Secret admin things")).not.toBeInTheDocument();
  });

  it("turns away a member with another role", async () => {
    logInForTest();
    serveApi({ "/api/v1/me": () => jsonResponse(aMember({ current_role: "marshal" })) });
    renderWithQueryClient(guarded);

    expect(await screen.findByText("This page is for masters only.")).toBeVisible();
    expect(screen.queryByText("Secret admin things")).not.toBeInTheDocument();
  });

  it("shows the page to a master", async () => {
    logInForTest();
    serveApi({ "/api/v1/me": () => jsonResponse(aMember({ current_role: "master" })) });
    renderWithQueryClient(guarded);

    expect(await screen.findByText("Secret admin things")).toBeVisible();
  });
});
