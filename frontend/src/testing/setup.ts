import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";
import { apiServer } from "@/testing/api-server";
import { resetSession } from "@/testing/session";

// CI machines are small and shared: the password-strength checker loads its dictionaries
// (about 1.2 MB) on first use, which on a loaded 2-core machine outlasts Testing Library's 1 s.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  apiServer.listen({ onUnhandledRequest: "error" });
});

afterEach(() => {
  apiServer.resetHandlers();
  resetSession();
});

afterAll(() => {
  apiServer.close();
});
