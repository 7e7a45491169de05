import type { Page } from "playwright-core";

/** Logs in through the header's dialog and waits until the header shows the member. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Log in" }).click();
  const dialog = page.getByRole("dialog", { name: "Log in" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("banner").getByRole("button", { name: "Log out" }).waitFor();
}

/** Goes to `path` and waits for its main heading. */
export async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}
