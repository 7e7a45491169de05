import { http, HttpResponse, type HttpResponseResolver, type JsonBodyType } from "msw";
import { setupServer } from "msw/node";

/** What a reply may look at: the URL (with its query) and the method, headers and body sent. */
export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}
type Reply = (request: SentRequest) => Response | Promise<Response>;
/** Replies by "METHOD /path" (that method only) or "/path" (any method). */
export type Replies = Record<string, Reply>;

/**
 * The API as the tests' network sees it (MSW intercepts `fetch` in Node): nothing but a JSON 404
 * like the backend's until a test says what to answer with {@link serveApi}.
 */
export const apiServer = setupServer(
  http.all("*", () => jsonResponse({ error: "Not found" }, 404)),
);

/** A JSON answer, as the backend would send it, with any more `headers` (an ETag, say). */
export function jsonResponse(
  body: JsonBodyType,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json(body, { status, headers });
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

function parsedBody(text: string, contentType: string | null): unknown {
  if (contentType === "application/x-www-form-urlencoded") return new URLSearchParams(text);
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Notes each request in `sent` (in the order they came) before `reply` answers it. */
function recording(sent: SentRequest[], reply: Reply): HttpResponseResolver {
  return async ({ request }) => {
    const entry: SentRequest = {
      url: new URL(request.url),
      method: request.method,
      headers: request.headers,
      body: undefined,
    };
    sent.push(entry);
    entry.body = parsedBody(await request.text(), request.headers.get("Content-Type"));
    return reply(entry);
  };
}

const methods = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

function handlerFor(key: string, resolver: HttpResponseResolver) {
  const space = key.indexOf(" ");
  if (space < 0) return http.all(key, resolver);
  const method = key.slice(0, space);
  if (!(method in methods)) throw new Error(`serveApi: no method ${method} in "${key}"`);
  return methods[method as keyof typeof methods](key.slice(space + 1), resolver);
}

/**
 * Answers the API's requests for one test: each gets the reply registered for "METHOD /path" or,
 * failing that, for "/path"; anything else a JSON 404 like the backend's. Returns the requests
 * sent (all of them, answered or not), for the test to look at.
 */
export function serveApi(replies: Replies): SentRequest[] {
  const sent: SentRequest[] = [];
  const entries = Object.entries(replies);
  // A test's handlers come before the default 404, and "METHOD /path" before "/path".
  const ordered = [
    ...entries.filter(([key]) => key.includes(" ")),
    ...entries.filter(([key]) => !key.includes(" ")),
  ];
  apiServer.use(
    ...ordered.map(([key, reply]) => handlerFor(key, recording(sent, reply))),
    http.all(
      "*",
      recording(sent, () => jsonResponse({ error: "Not found" }, 404)),
    ),
  );
  return sent;
}

/** A reply that never comes, for looking at loading states. */
export function pending(): Promise<Response> {
  return new Promise<Response>(() => undefined);
}

/**
 * A JSON answer whose status and headers come at once and whose body only when the test calls
 * `send`: a server still at work on what it received (an uploaded photo, say).
 */
export function heldResponse(status = 200): { response: Response; send: (body: unknown) => void } {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: new Response(body, { status, headers: { "Content-Type": "application/json" } }),
    send(value) {
      controller?.enqueue(new TextEncoder().encode(JSON.stringify(value)));
      controller?.close();
    },
  };
}

/** An empty answer, as the API gives to a DELETE or PUT that has nothing to say (204). */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}
