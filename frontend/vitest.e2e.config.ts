import { defineConfig } from "vitest/config";

// End-to-end tests: Chromium (playwright-core) against the real server, started by scripts/e2e.
// One file at a time, in order: the journeys build on each other's data.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    // Fails each test in which a page reported a Content-Security-Policy violation.
    setupFiles: ["e2e/support/csp.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
