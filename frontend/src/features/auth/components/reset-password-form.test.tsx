import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";
import { fieldErrorResponse, jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithQueryClient } from "@/testing/render";

async function submitPassword(password: string, confirmation = password) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("New password"), password);
  await user.type(screen.getByLabelText("Confirm new password"), confirmation);
  await user.click(screen.getByRole("button", { name: "Set password" }));
}

describe("ResetPasswordForm", () => {
  it("sets the new password with the token", async () => {
    const sent = serveApi({ "PUT /api/v1/reset/tok-123": () => jsonResponse({ status: "ok" }) });
    renderWithQueryClient(<ResetPasswordForm token="tok-123" />);

    await submitPassword("purple elephant dances slowly");

    expect(await screen.findByRole("status")).toHaveTextContent("Your password is changed.");
    expect(sent[0]?.body).toEqual({ password: "purple elephant dances slowly" });
  });

  it("shows the server's verdict beside the password field", async () => {
    serveApi({
      "PUT /api/v1/reset/tok-123": () => fieldErrorResponse({ password: "is too easy to guess" }),
    });
    renderWithQueryClient(<ResetPasswordForm token="tok-123" />);

    await submitPassword("password1");

    expect(await screen.findByText("is too easy to guess")).toBeVisible();
    expect(screen.getByLabelText("New password")).toHaveAccessibleDescription(
      expect.stringContaining("is too easy to guess") as string,
    );
  });

  it("does not send two passwords that differ", async () => {
    const sent = serveApi({});
    renderWithQueryClient(<ResetPasswordForm token="tok-123" />);

    await submitPassword("purple elephant dances", "purple elephant dance");

    expect(screen.getByText("The passwords do not match.")).toBeVisible();
    expect(sent).toEqual([]);
  });

  it("explains a link that no longer works", async () => {
    serveApi({ "PUT /api/v1/reset/old": () => jsonResponse({ error: "not found" }, 404) });
    renderWithQueryClient(<ResetPasswordForm token="old" />);

    await submitPassword("purple elephant dances slowly");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      /unknown, used or more than an hour old/,
    );
  });
});
