import { mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { viewports } from "./browser";
import { env } from "./env";

/**
 * The page as it is now: axe finds no serious or critical violation, and a full-page screenshot
 * at desktop and at phone width goes to the screenshot folder as `<name>-<width>.png`.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  if (report.length > 0) throw new Error(`axe on ${name}:\n${report.join("\n")}`);

  await mkdir(env.screenshotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: path.join(env.screenshotDir, `${name}-${label}.png`),
      fullPage: true,
    });
  }
  if (original) await page.setViewportSize(original);
}
