import { vi } from "vitest";

type Reply = () => Response | Promise<Response>;

/** A JSON answer, as the backend would send it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

/**
 * Replaces `fetch` for one test: each request path gets the reply registered for it, anything
 * else a JSON 404 like the backend's. Returns the mock so tests can look at the calls.
 */
export function mockFetch(replies: Record<string, Reply>) {
  const mock = vi.fn<typeof fetch>((input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    const reply = replies[url.pathname];
    return Promise.resolve(reply ? reply() : jsonResponse({ error: "Not found" }, 404));
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** A reply that never comes, for looking at loading states. */
export function pending(): Promise<Response> {
  return new Promise<Response>(() => undefined);
}
