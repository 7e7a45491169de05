import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AccountMenu } from "@/features/auth/components/account-menu";
import { readAccessToken } from "@/lib/api-client";
import { clearAccessToken } from "@/lib/session";
import { aMember } from "@/testing/members";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";
import { logInForTest } from "@/testing/session";

const ada = aMember({ first_name: "Ada", short_uuid: "AdaAda12" });

describe("AccountMenu", () => {
  it("logs in through the dialog and shows who is logged in", async () => {
    const user = userEvent.setup();
    const sent = serveApi({
      "POST /api/v1/token": () =>
        jsonResponse({ access_token: "new.token", token_type: "bearer", expires_in: 3600 }),
      "/api/v1/me": () => jsonResponse(ada),
    });
    renderWithRouter(<AccountMenu />);

    await user.click(screen.getByRole("button", { name: "Log in" }));
    const dialog = screen.getByRole("dialog", { name: "Log in" });
    expect(screen.getByLabelText("Email")).toHaveFocus();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(within(dialog).getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("link", { name: "Ada" })).toHaveAttribute(
      "href",
      "/profile/AdaAda12",
    );
    expect(dialog).not.toBeInTheDocument();
    expect(readAccessToken()).toBe("new.token");
    const form = sent[0]?.body;
    expect(form).toBeInstanceOf(URLSearchParams);
    expect((form as URLSearchParams).toString()).toBe(
      "username=ada%40example.com&password=correct+horse",
    );
  });

  it("says why a login failed and stays logged out", async () => {
    const user = userEvent.setup();
    serveApi({
      "POST /api/v1/token": () => jsonResponse({ error: "incorrect email or password" }, 401),
    });
    renderWithRouter(<AccountMenu />);

    await user.click(screen.getByRole("button", { name: "Log in" }));
    const dialog = screen.getByRole("dialog", { name: "Log in" });
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(within(dialog).getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Login failed: incorrect email or password",
    );
    expect(readAccessToken()).toBeUndefined();
  });

  it("closes the dialog with Escape and gives focus back to the button", async () => {
    const user = userEvent.setup();
    renderWithRouter(<AccountMenu />);

    await user.click(screen.getByRole("button", { name: "Log in" }));
    await user.keyboard("{Escape}");

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Log in" })).toHaveFocus();
  });

  it("keeps Tab inside the open dialog", async () => {
    const user = userEvent.setup();
    renderWithRouter(<AccountMenu />);

    await user.click(screen.getByRole("button", { name: "Log in" }));
    screen.getByRole("button", { name: "Close" }).focus();
    await user.tab();
    expect(screen.getByLabelText("Email")).toHaveFocus();

    await user.tab({ shift: true });
    expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
  });

  it("asks for a reset link without telling whether the email is known", async () => {
    const user = userEvent.setup();
    const sent = serveApi({
      "PUT /api/v1/reset": () => jsonResponse({ status: "accepted" }),
    });
    renderWithRouter(<AccountMenu />);

    await user.click(screen.getByRole("button", { name: "Log in" }));
    await user.click(screen.getByRole("button", { name: "Forgot your password?" }));
    await user.type(screen.getByLabelText("Email"), "who@example.com");
    await user.click(screen.getByRole("button", { name: "Send me a link" }));

    expect(await screen.findByRole("status")).toHaveTextContent(
      "If who@example.com belongs to a member, a link to choose a new password is on its way.",
    );
    expect(sent[0]?.body).toEqual({ email: "who@example.com" });
  });

  it("logs out", async () => {
    const user = userEvent.setup();
    logInForTest();
    serveApi({ "/api/v1/me": () => jsonResponse(ada) });
    renderWithRouter(<AccountMenu />);

    await user.click(await screen.findByRole("button", { name: "Log out" }));

    expect(screen.getByRole("button", { name: "Log in" })).toBeVisible();
    expect(readAccessToken()).toBeUndefined();
  });

  it("tells the user when the server ended the session", async () => {
    logInForTest();
    serveApi({ "/api/v1/me": () => jsonResponse(ada) });
    renderWithRouter(<AccountMenu />);
    await screen.findByRole("button", { name: "Log out" });

    clearAccessToken("Your login has expired.");

    expect(await screen.findByRole("alert")).toHaveTextContent("Your login has expired.");
    expect(screen.getByRole("button", { name: "Log in" })).toBeVisible();
  });
});
