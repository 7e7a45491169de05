import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JoinForm } from "@/features/sign-ups/components/join-form";
import { fieldErrorResponse, jsonResponse, serveApi, type SentRequest } from "@/testing/api-server";
import { renderWithRouter } from "@/testing/render";

async function fillIn({ consent = true, phone = "070-555" } = {}) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Email"), "pia@example.com");
  await user.type(screen.getByLabelText("First name"), "Pia");
  await user.type(screen.getByLabelText("Last name"), "Prao");
  if (phone) await user.type(screen.getByLabelText("Phone (optional)"), phone);
  await user.type(screen.getByLabelText("Password"), "tangerine violin harbour");
  await user.type(screen.getByLabelText("Confirm password"), "tangerine violin harbour");
  if (consent) await user.click(screen.getByRole("checkbox", { name: /I agree/ }));
  await user.click(screen.getByRole("button", { name: "Send application" }));
}

/** Fills in and sends the form against a backend that accepts it; returns what was sent. */
async function sendAccepted(options: Parameters<typeof fillIn>[0] = {}): Promise<unknown> {
  const sent: SentRequest[] = [];
  serveApi({
    "POST /api/v1/sign_up/sign_up": (request) => {
      sent.push(request);
      return jsonResponse({ uuid: "su-1", status: "pending" });
    },
  });
  renderWithRouter(<JoinForm />, { path: "/join_tmeit", at: "/join_tmeit" });
  await fillIn(options);
  expect(await screen.findByText("Elsewhere")).toBeVisible();
  return sent[0]?.body;
}

describe("JoinForm", () => {
  it("sends the application and goes to its status page", async () => {
    expect(await sendAccepted()).toEqual({
      login_email: "pia@example.com",
      first_name: "Pia",
      nickname: null,
      last_name: "Prao",
      phone: "070-555",
      password: "tangerine violin harbour",
    });
  });

  it("sends no phone when none is given", async () => {
    expect(await sendAccepted({ phone: "" })).toMatchObject({
      login_email: "pia@example.com",
      phone: null,
    });
  });

  it("links the consent to the privacy policy and sends nothing without it", async () => {
    const sent = serveApi({});
    renderWithRouter(<JoinForm />);

    expect(screen.getByRole("link", { name: "privacy policy" })).toHaveAttribute(
      "href",
      "/privacy",
    );
    await fillIn({ consent: false });

    expect(sent).toEqual([]);
  });

  it("shows the server's complaints beside their fields", async () => {
    serveApi({
      "POST /api/v1/sign_up/sign_up": () =>
        fieldErrorResponse({ phone: "is too long", password: "is too weak" }),
    });
    renderWithRouter(<JoinForm />);

    await fillIn();

    expect(await screen.findByText("is too long")).toBeVisible();
    expect(screen.getByLabelText("Phone (optional)")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
  });

  it("says when the email is already taken", async () => {
    serveApi({
      "POST /api/v1/sign_up/sign_up": () =>
        jsonResponse({ error: "this email already has an account or a sign-up" }, 409),
    });
    renderWithRouter(<JoinForm />);

    await fillIn();

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not sent: this email already has an account or a sign-up",
    );
  });
});
