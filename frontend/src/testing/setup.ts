import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";
import { apiServer } from "@/testing/api-server";
import { resetSession } from "@/testing/session";

// CI machines are small and shared: the password-strength checker loads its dictionaries
// (about 1.2 MB) on first use, which on a loaded 2-core machine outlasts Testing Library's 1 s.
configure({ asyncUtilTimeout: 10_000 });

// jsdom's FormData and File cannot be read by Node's fetch, which MSW turns every request into (a
// jsdom file arrives as the text "undefined"): the tests' forms and files are Node's own, as a
// browser's are its own. Node's classes, taken from a form Node's fetch parsed.
const nodeForm = await new Response(
  '--b\r\nContent-Disposition: form-data; name="f"; filename="f"\r\n\r\n\r\n--b--\r\n',
  {
    headers: { "Content-Type": "multipart/form-data; boundary=b" },
  },
).formData();
const nodeFile: unknown = nodeForm.get("f");
beforeEach(() => {
  vi.stubGlobal("FormData", nodeForm.constructor);
  vi.stubGlobal("File", (nodeFile as object).constructor);
});

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
