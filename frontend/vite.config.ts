import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import packageJson from "./package.json" with { type: "json" };

// The C++ server (`./scripts/run`) listens here; `npm run dev` proxies the API to it.
const backend = process.env.TMEIT_BACKEND_URL ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  define: {
    // release_utils/set_new_version.py keeps package.json in step with the backend's version.
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: {
    proxy: { "/api": backend },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Hashed names under dist/assets/ let the server send `Cache-Control: immutable`.
    assetsDir: "assets",
    sourcemap: false,
    // Read (then removed) by scripts/check-bundle-size.mjs to weigh what `/` loads.
    manifest: true,
    target: "es2022",
    // The initial JS budget (200 KB gzip) is enforced by scripts/check-bundle-size.mjs. The largest
    // chunks are zxcvbn's dictionaries (about 1.2 MB), loaded only when a password is typed.
    chunkSizeWarningLimit: 1300,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // Generous on a loaded 2-core CI machine (Vitest's default is 5 s); a hang still fails.
    testTimeout: 30_000,
    // A zone away from UTC (and with summer time), so tests see local time differ from UTC.
    env: { TZ: "Europe/Stockholm" },
    unstubGlobals: true,
  },
});
