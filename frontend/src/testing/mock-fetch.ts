import { vi } from "vitest";

/** What a reply may look at: the URL (with its query) and the method, headers and body sent. */
export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}
type Reply = (request: SentRequest) => Response | Promise<Response>;

/** A JSON answer, as the backend would send it, with any more `headers` (an ETag, say). */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "Content-Type": "application/json" },
  });
}

/**
 * An error answer about input fields, as the backend sends it: `detail` lists the problems the
 * way FastAPI does (`[{loc: ["body", field], msg, type}]`), `error` sums them up.
 */
export function fieldErrorResponse(problems: Record<string, string>, status = 422): Response {
  const detail = Object.entries(problems).map(([field, msg]) => ({
    loc: ["body", field],
    msg,
    type: "value_error",
  }));
  const error = Object.entries(problems)
    .map(([field, msg]) => `${field}: ${msg}`)
    .join("; ");
  return jsonResponse({ error, detail }, status);
}

function parsedBody(body: RequestInit["body"]): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function sentRequest(input: Parameters<typeof fetch>[0], init?: RequestInit): SentRequest {
  const href = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  const url = new URL(href, "http://localhost");
  return {
    url,
    method: (init?.method ?? "GET").toUpperCase(),
    headers: new Headers(init?.headers),
    body: parsedBody(init?.body),
  };
}

/** What the code under test sent through a {@link mockFetch} mock, in order. */
export function sentRequests(mock: ReturnType<typeof mockFetch>): SentRequest[] {
  return mock.mock.calls.map(([input, init]) => sentRequest(input, init));
}

/**
 * Replaces `fetch` for one test: each request gets the reply registered for "METHOD /path" or,
 * failing that, for "/path"; anything else a JSON 404 like the backend's. Returns the mock so
 * tests can look at the calls.
 */
export function mockFetch(replies: Record<string, Reply>) {
  const mock = vi.fn<typeof fetch>((input, init) => {
    const request = sentRequest(input, init);
    const reply =
      replies[`${request.method} ${request.url.pathname}`] ?? replies[request.url.pathname];
    return Promise.resolve(reply ? reply(request) : jsonResponse({ error: "Not found" }, 404));
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** A reply that never comes, for looking at loading states. */
export function pending(): Promise<Response> {
  return new Promise<Response>(() => undefined);
}
