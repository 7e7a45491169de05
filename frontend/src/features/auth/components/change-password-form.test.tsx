import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";
import { readAccessToken } from "@/lib/api-client";
import { fieldErrorResponse, jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";
import { logInForTest } from "@/testing/session";

async function change(current: string, next: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Current password"), current);
  await user.type(screen.getByLabelText("New password"), next);
  await user.type(screen.getByLabelText("Confirm new password"), next);
  await user.click(screen.getByRole("button", { name: "Change password" }));
}

describe("ChangePasswordForm", () => {
  it("keeps the user logged in with the new token", async () => {
    logInForTest("old.token");
    serveApi({
      "POST /api/v1/members/change_password": () =>
        jsonResponse({ access_token: "new.token", token_type: "bearer", expires_in: 60 }),
    });
    renderWithQueryClient(<ChangePasswordForm />);

    await change("old secret", "tangerine violin harbour");

    expect(await screen.findByText("Your password is changed.")).toBeVisible();
    expect(readAccessToken()).toBe("new.token");
  });

  it("says beside the field when the current password is wrong", async () => {
    logInForTest();
    serveApi({
      "POST /api/v1/members/change_password": () =>
        fieldErrorResponse({ current_password: "is not your current password" }, 400),
    });
    renderWithQueryClient(<ChangePasswordForm />);

    await change("wrong", "tangerine violin harbour");

    expect(await screen.findByText("is not your current password")).toBeVisible();
    expect(screen.getByLabelText("Current password")).toHaveAttribute("aria-invalid", "true");
  });
});
