import { screen } from "@testing-library/react";
import { SignUpStatusView } from "@/features/sign-ups/components/sign-up-status";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";

describe("SignUpStatusView", () => {
  it("shows a pending application", async () => {
    serveApi({
      "/api/v1/sign_up/su-1": () =>
        jsonResponse({ uuid: "su-1", first_name: "Pia", status: "pending" }),
    });
    renderWithQueryClient(<SignUpStatusView uuid="su-1" />);

    expect(await screen.findByText(/Thanks, Pia! Your application is/)).toHaveTextContent(
      "Thanks, Pia! Your application is pending.",
    );
  });

  it("explains an application that is no longer pending", async () => {
    serveApi({ "/api/v1/sign_up/su-1": () => jsonResponse({ error: "not found" }, 404) });
    renderWithQueryClient(<SignUpStatusView uuid="su-1" />);

    expect(await screen.findByText(/no longer pending/)).toBeVisible();
  });
});
