import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PendingSignUps } from "@/features/sign-ups/components/pending-sign-ups";
import type { PendingSignUp } from "@/lib/api-types";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";

const pia: PendingSignUp = {
  uuid: "su-1",
  status: "pending",
  time_created: "2026-11-20T12:00:00.250000+00:00",
  login_email: "pia@example.com",
  first_name: "Pia",
  nickname: null,
  last_name: "Prao",
  phone: null,
  ip_address: "192.0.2.7",
};

describe("PendingSignUps", () => {
  it("shows the email, the time and the address a sign-up came from", async () => {
    serveApi({ "GET /api/v1/sign_up/": () => jsonResponse([pia]) });
    renderWithQueryClient(<PendingSignUps />);

    const row = (await screen.findByText("Pia Prao")).closest("li");
    expect(row).toHaveTextContent("pia@example.com");
    expect(row).toHaveTextContent("no phone");
    expect(row).toHaveTextContent("from 192.0.2.7");
    expect(row?.querySelector("time")).toHaveAttribute(
      "dateTime",
      "2026-11-20T12:00:00.250000+00:00",
    );
    expect(row).toHaveTextContent(/20 Nov 2026, 13:00/); // 12:00 UTC in Stockholm
  });

  it("approves a sign-up and lists what is left", async () => {
    const user = userEvent.setup();
    let waiting = [pia];
    const sent = serveApi({
      "GET /api/v1/sign_up/": () => jsonResponse(waiting),
      "POST /api/v1/sign_up/approve/su-1": () => {
        waiting = [];
        return jsonResponse({});
      },
    });
    renderWithQueryClient(<PendingSignUps />);

    await user.click(await screen.findByRole("button", { name: "Approve Pia Prao" }));

    expect(await screen.findByText("No pending sign-ups.")).toBeVisible();
    expect(sent.map((r) => `${r.method} ${r.url.pathname}`)).toContain(
      "POST /api/v1/sign_up/approve/su-1",
    );
  });

  it("deletes a sign-up only after confirming", async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    const sent = serveApi({ "GET /api/v1/sign_up/": () => jsonResponse([pia]) });
    renderWithQueryClient(<PendingSignUps />);

    await user.click(await screen.findByRole("button", { name: "Delete the sign-up of Pia Prao" }));

    expect(confirm).toHaveBeenCalled();
    expect(sent.some((r) => r.method === "DELETE")).toBe(false);
  });
});
