// Content-Security-Policy violations: every page of every session reports them here (see
// newSession in ./browser), and each test fails if any were reported while it ran.
import { afterEach, expect } from "vitest";

/** Kept on globalThis so the test files and this setup file share one list. */
const store = globalThis as typeof globalThis & { tmeitCspViolations?: string[] };

/** The violations reported since the current test began. */
export const cspViolations: string[] = (store.tmeitCspViolations ??= []);

/**
 * Runs in each page before its own scripts (text, since it runs in the browser, not here):
 * forwards every violation to the binding newSession exposes.
 */
export const reportViolationsScript = `
document.addEventListener("securitypolicyviolation", (event) => {
  window.tmeitCspViolation(
    event.effectiveDirective + " refused " + (event.blockedURI || "inline code") +
      " on " + event.documentURI + " (" + event.sourceFile + ":" + event.lineNumber + ")");
});`;

afterEach(() => {
  const found = cspViolations.splice(0);
  expect(found, "Content-Security-Policy violations").toEqual([]);
});
