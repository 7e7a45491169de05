import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { cspViolations, reportViolationsScript } from "./csp";
import { env } from "./env";

export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Debian's Chromium, headless; playwright-core downloads no browser of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: env.chromium, args: ["--no-sandbox"] });
}

/**
 * A fresh browser profile (no cookies) at `viewport`, failing on any console error; every
 * Content-Security-Policy violation of its pages fails the test (./csp).
 */
export async function newSession(
  browser: Browser,
  viewport: keyof typeof viewports = "desktop",
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ baseURL: env.baseUrl, viewport: viewports[viewport] });
  await context.exposeBinding("tmeitCspViolation", (_source, report: string) => {
    cspViolations.push(report);
  });
  await context.addInitScript({ content: reportViolationsScript });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}
