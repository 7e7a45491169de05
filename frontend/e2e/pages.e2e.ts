// Every page, for a visitor and for a master: axe finds no serious or critical violation, the
// browser logs no error, and a screenshot at desktop and phone width is kept.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, visit } from "./support/actions";
import { launchBrowser, newSession } from "./support/browser";
import { checkPage } from "./support/check-page";
import { env } from "./support/env";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The address the first link matching `selector` on `from` goes to. */
async function firstLink(page: Page, from: string, selector: string): Promise<string> {
  await page.goto(from);
  const link = page.locator(selector).first();
  await link.waitFor();
  return (await link.getAttribute("href")) ?? "/";
}

describe("every page", () => {
  it("is accessible to a visitor, at desktop and phone width", async () => {
    const { page, consoleErrors } = await newSession(browser);
    const event = await firstLink(page, "/events", ".card h3 a");
    const profile = await firstLink(page, "/team", ".card h3 a");
    const pages: [string, string, string | RegExp][] = [
      ["home", "/", "Welcome to TMEIT"],
      ["events", "/events", "Events"],
      ["event", event, /./],
      ["team", "/team", "Team"],
      ["profile", profile, /./],
      ["join", "/join_tmeit", "Join TMEIT"],
      ["join-completed", "/join_completed", "Thanks for signing up"],
      ["reset", "/reset/not-a-real-token", "Choose a new password"],
      ["about", "/about", "About TMEIT"],
      ["documents", "/documents", "Documents"],
      ["privacy", "/privacy", "Privacy policy"],
      ["not-found", "/no-such-page", "Page not found"],
    ];
    for (const [name, path, heading] of pages) {
      await visit(page, path, heading);
      await page.locator("[aria-busy=true]").first().waitFor({ state: "detached" });
      await checkPage(page, `visitor-${name}`);
      if (name === "not-found") {
        // The server answers an unknown address with the app and a 404, as it should.
        const expected = consoleErrors.findIndex((e) => e.includes("status of 404"));
        if (expected >= 0) consoleErrors.splice(expected, 1);
      }
      expect(consoleErrors, name).toEqual([]);
    }
    await page.goto("/");
    await page.getByRole("banner").getByRole("button", { name: "Log in" }).click();
    await checkPage(page, "visitor-login-dialog");
    expect(consoleErrors).toEqual([]);
  }, 120_000); // twelve pages at two widths with axe: over a minute on a loaded 2-core machine

  it("is accessible to a master, at desktop and phone width", async () => {
    const { page, consoleErrors } = await newSession(browser);
    await page.goto("/");
    await logIn(page, env.adminEmail, env.adminPassword);
    await page.getByRole("banner").getByRole("link").last().click();
    await page.getByRole("heading", { name: "Change your password" }).waitFor();
    await checkPage(page, "master-own-profile");
    for (const [name, path, heading] of [
      ["master", "/master", "Masters"],
      ["new-event", "/events/new", "New event"],
    ] as const) {
      await visit(page, path, heading);
      await page.locator("[aria-busy=true]").first().waitFor({ state: "detached" });
      await checkPage(page, `master-${name}`);
    }
    expect(consoleErrors).toEqual([]);
  }, 120_000); // like the visitor's tour: 60 s ran out at load 11 on the 2-core machine

  it("includes the API documentation, which runs under the same policy", async () => {
    const { page, consoleErrors } = await newSession(browser);
    const response = await page.goto("/api/v1/docs");
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self';");
    // Swagger UI has fetched the document and drawn the operations.
    await page.locator(".opblock-summary-path", { hasText: "/api/v1/token" }).first().waitFor();
    await page.getByRole("button", { name: "Authorize" }).click();
    await page.locator(".modal-ux").waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
