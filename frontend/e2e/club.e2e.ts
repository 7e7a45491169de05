// The journeys of issue 4, in order, each building on the last: a visitor browses and joins, a
// master approves, the new prao edits their profile, adds a photo taken with a phone (issue 14:
// its location never reaches the site), becomes a marshal and creates an event that shows on the
// home page, and a forgotten password is reset through the mail the server sends.
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, visit } from "./support/actions";
import { launchBrowser, newSession } from "./support/browser";
import { env } from "./support/env";
import { waitForMail } from "./support/mail";
import { jpegWithGps, locationTags, metadataTags, webpChunks } from "./support/photos";

const run = Date.now().toString(36);
const prao = {
  email: `pia.${run}@example.com`,
  first: "Pia",
  last: `Prao${run}`,
  password: "tangerine violin harbour 42",
};
const eventTitle = `Glögg party ${run}`;
let browser: Browser;
let praoProfile = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("the club website, end to end", () => {
  it("lets a visitor browse the events and the team", async () => {
    const { page, consoleErrors } = await newSession(browser);
    await visit(page, "/", "Welcome to TMEIT");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Events" })
      .click();
    // The upcoming list only: the past one may load first and then move down as this one arrives.
    const firstEvent = page.getByRole("region", { name: "Upcoming" }).locator(".card h3 a").first();
    await firstEvent.waitFor();
    const title = (await firstEvent.textContent()) ?? "";
    await firstEvent.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Team" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Masters" }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it("lets a visitor join, and shows the sign-up as pending", async () => {
    const { page, consoleErrors } = await newSession(browser, "phone");
    await visit(page, "/join_tmeit", "Join TMEIT");
    await page.getByLabel("Email").fill(prao.email);
    await page.getByLabel("First name").fill(prao.first);
    await page.getByLabel("Last name").fill(prao.last);
    await page.getByLabel("Phone").fill("070-000 00 00");
    await page.getByLabel("Password", { exact: true }).fill(prao.password);
    await page.getByLabel("Confirm password").fill(prao.password);
    await page.getByText("Strength: very strong").waitFor();
    await page.getByRole("checkbox", { name: /I agree/ }).check();
    await page.getByRole("button", { name: "Send application" }).click();

    await page.getByText(/Your application is pending/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/join_completed");
    expect(consoleErrors).toEqual([]);
  });

  it("lets a master approve the sign-up", async () => {
    const { page } = await newSession(browser);
    await page.goto("/");
    await logIn(page, env.adminEmail, env.adminPassword);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Master" })
      .click();
    await page.getByRole("heading", { name: "Pending sign-ups" }).waitFor();
    // The row shows the login email and the address the sign-up came from (the API's
    // login_email and ip_address, as the original website's masters saw them).
    const row = page.getByRole("listitem").filter({ hasText: `${prao.first} ${prao.last}` });
    await row.getByText(prao.email).waitFor();
    await row.getByText(/from 127\.0\.0\.1/).waitFor();
    await page.getByRole("button", { name: `Approve ${prao.first} ${prao.last}` }).click();
    await page.getByRole("link", { name: `Edit ${prao.first} ${prao.last}` }).waitFor();
  });

  it("lets the new prao log in and change their phone", async () => {
    const { page, consoleErrors } = await newSession(browser);
    await page.goto("/");
    await logIn(page, prao.email, prao.password);
    await page.getByRole("banner").getByRole("link", { name: prao.first }).click();
    await page.getByRole("heading", { level: 1, name: `${prao.first} ${prao.last}` }).waitFor();
    praoProfile = new URL(page.url()).pathname;

    await page.getByLabel("Phone").fill("070-111 22 33");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    await expect(page.getByLabel("Phone").inputValue()).resolves.toBe("070-111 22 33");
    expect(consoleErrors).toEqual([]);
  });

  it("lets a member add a phone photo, shows it on the team page, and serves it without GPS", async () => {
    const { page, consoleErrors } = await newSession(browser);
    await page.goto(praoProfile);
    const photo = await jpegWithGps(page);
    // The test's own check finds the location in what is uploaded, so it can find it afterwards.
    const uploaded = await metadataTags(await readFile(photo));
    expect(Number(uploaded["GPS:GPSLatitude"])).toBeCloseTo(59.3473, 4);
    expect(Number(uploaded["GPS:GPSLongitude"])).toBeCloseTo(18.0727, 4);
    expect(locationTags(uploaded)).toContain("IFD0:Artist");

    await logIn(page, prao.email, prao.password);
    await page.getByLabel("Add a photo").setInputFiles(photo);
    // The first photo becomes the profile photo; it is for members only until made public.
    const tile = page.locator("figure").filter({ has: page.getByRole("img", { name: "Photo 1" }) });
    await tile.getByText("Profile photo").waitFor();
    await tile.getByText("Members only").waitFor();
    await page.getByRole("button", { name: "Make Photo 1 public" }).click();
    await tile.getByText("Public", { exact: true }).waitFor();

    const visitor = await newSession(browser);
    await visit(visitor.page, "/team", "Team");
    const avatar = visitor.page.getByRole("img", { name: `Photo of ${prao.first} ${prao.last}` });
    await avatar.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        avatar.evaluate((img: { complete: boolean; naturalWidth: number }) =>
          img.complete ? img.naturalWidth : 0,
        ),
      )
      .toBeGreaterThan(0);
    const srcset = (await avatar.getAttribute("srcset")) ?? "";
    const urls = srcset.split(",").map((candidate) => candidate.trim().split(" ")[0] ?? "");
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      const served = await visitor.page.request.get(url);
      expect(served.status(), url).toBe(200);
      expect(served.headers()["content-type"]).toBe("image/webp");
      const bytes = await served.body();
      expect(webpChunks(bytes)).not.toContain("EXIF");
      expect(locationTags(await metadataTags(bytes)), url).toEqual([]);
    }
    expect([...consoleErrors, ...visitor.consoleErrors]).toEqual([]);
  });

  it("lets a marshal create a public event that then shows on the home page", async () => {
    const master = await newSession(browser);
    await master.page.goto(praoProfile);
    await logIn(master.page, env.adminEmail, env.adminPassword);
    await master.page.getByLabel("Role").selectOption("marshal");
    await master.page.getByRole("button", { name: "Save" }).click();
    await master.page.getByText("Saved.").waitFor();

    const { page, consoleErrors } = await newSession(browser);
    await page.goto("/");
    await logIn(page, prao.email, prao.password);
    await visit(page, "/events", "Events");
    await page.getByRole("link", { name: "New event" }).click();
    await page.getByLabel("Title").fill(eventTitle);
    await page.getByLabel("Location").fill("Puben");
    const nextYear = new Date().getFullYear() + 1;
    await page.getByLabel("Starts (local time)").fill(`${nextYear}-01-15T19:00`);
    await page.getByLabel("Who may see it").selectOption("public");
    await page.getByRole("button", { name: "Create event" }).click();
    await page.getByRole("heading", { level: 1, name: eventTitle }).waitFor();

    const visitor = await newSession(browser);
    await visit(visitor.page, "/", "Welcome to TMEIT");
    await visitor.page.getByRole("link", { name: eventTitle }).waitFor();
    expect([...consoleErrors, ...visitor.consoleErrors]).toEqual([]);
  });

  it("resets a forgotten password through the mailed link", async () => {
    const { page, consoleErrors } = await newSession(browser);
    await page.goto("/");
    await page.getByRole("banner").getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Forgot your password?" }).click();
    await page.getByRole("dialog").getByLabel("Email").fill(prao.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText(/a link to choose a new password is on its way/).waitFor();

    const [, token] = await waitForMail(prao.email, /\/reset\/([A-Za-z0-9_-]+)/);
    const newPassword = "marmalade kettle orbit 77";
    await visit(page, `/reset/${token}`, "Choose a new password");
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByText("Your password is changed.").waitFor();

    await logIn(page, prao.email, newPassword);
    expect(consoleErrors).toEqual([]);
  });
});
