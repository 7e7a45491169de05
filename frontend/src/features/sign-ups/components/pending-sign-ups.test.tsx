import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PendingSignUps } from "@/features/sign-ups/components/pending-sign-ups";
import type { SignUp } from "@/lib/api-types";
import { jsonResponse, mockFetch, sentRequests } from "@/testing/mock-fetch";
import { renderWithQueryClient } from "@/testing/render";

const pia: SignUp = {
  uuid: "su-1",
  status: "pending",
  created_at: "2026-11-20T12:00:00Z",
  email: "pia@example.com",
  first_name: "Pia",
  nickname: null,
  last_name: "Prao",
  phone: "070-555",
};

describe("PendingSignUps", () => {
  it("approves a sign-up and lists what is left", async () => {
    const user = userEvent.setup();
    let waiting = [pia];
    const fetch = mockFetch({
      "GET /api/v1/sign_up/": () => jsonResponse(waiting),
      "POST /api/v1/sign_up/approve/su-1": () => {
        waiting = [];
        return jsonResponse({}, 201);
      },
    });
    renderWithQueryClient(<PendingSignUps />);

    await user.click(await screen.findByRole("button", { name: "Approve Pia Prao" }));

    expect(await screen.findByText("No pending sign-ups.")).toBeVisible();
    expect(sentRequests(fetch).map((r) => `${r.method} ${r.url.pathname}`)).toContain(
      "POST /api/v1/sign_up/approve/su-1",
    );
  });

  it("deletes a sign-up only after confirming", async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    const fetch = mockFetch({ "GET /api/v1/sign_up/": () => jsonResponse([pia]) });
    renderWithQueryClient(<PendingSignUps />);

    await user.click(await screen.findByRole("button", { name: "Delete the sign-up of Pia Prao" }));

    expect(confirm).toHaveBeenCalled();
    expect(sentRequests(fetch).some((r) => r.method === "DELETE")).toBe(false);
  });
});
