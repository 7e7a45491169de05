import { vi } from "vitest";

/** What a reply may look at: the URL (with its query) and the method and body sent. */
export interface SentRequest {
  url: URL;
  method: string;
  body: unknown;
}
type Reply = (request: SentRequest) => Response | Promise<Response>;

/** A JSON answer, as the backend would send it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function parsedBody(body: RequestInit["body"]): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Replaces `fetch` for one test: each request gets the reply registered for "METHOD /path" or,
 * failing that, for "/path"; anything else a JSON 404 like the backend's. Returns the mock so
 * tests can look at the calls.
 */
export function mockFetch(replies: Record<string, Reply>) {
  const mock = vi.fn<typeof fetch>((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const reply = replies[`${method} ${url.pathname}`] ?? replies[url.pathname];
    const request = { url, method, body: parsedBody(init?.body) };
    return Promise.resolve(reply ? reply(request) : jsonResponse({ error: "Not found" }, 404));
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** A reply that never comes, for looking at loading states. */
export function pending(): Promise<Response> {
  return new Promise<Response>(() => undefined);
}
