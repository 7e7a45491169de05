import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "@/client/schema";
import { clearAccessToken, readAccessToken } from "@/lib/session";

export { readAccessToken } from "@/lib/session";

/** An error answer of the API: its status and the `error` (and `detail`) of the JSON body. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: unknown;

  constructor(status: number, message: string, detail?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
  }
}

export const SESSION_EXPIRED = "Your login has expired or was revoked. Please log in again.";

/**
 * Sends the bearer token, if there is one, and asks for JSON. A 401 to a request that carried a
 * token means the login is over (expired, revoked): the user is logged out.
 */
const session: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept", "application/json");
    const token = readAccessToken();
    if (token !== undefined && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${token}`);
    }
    return request;
  },
  onResponse({ request, response }) {
    endSessionOn401(response.status, request.headers.has("Authorization"));
  },
};

/** A 401 to a request that carried a token: the login is over, the user is logged out. */
export function endSessionOn401(status: number, sentToken: boolean): void {
  if (status === 401 && sentToken) clearAccessToken(SESSION_EXPIRED);
}

/**
 * The API as `tsc` knows it from src/client/schema.d.ts (generated from the backend's OpenAPI
 * document): paths, path and query parameters, bodies and answers are all checked against it.
 * Same origin; an absolute base because `Request` needs one outside a browser (tests).
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location.origin,
  // Looked up per call, not once at load, so a test's network interception sees every request.
  fetch: (request) => globalThis.fetch(request),
});
api.use(session);

/** What an `api` call resolves to: the parsed body of a 2xx, or the parsed error body. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The {@link ApiError} of a non-2xx answer: the body's `error` (and `detail`) when it is the API's
 * JSON, else the status line. Also for answers that did not come through `api` (uploads).
 */
export function apiErrorFrom(
  response: { status: number; statusText: string },
  body: unknown,
): ApiError {
  let message = `${response.status} ${response.statusText}`.trim();
  let detail: unknown;
  // A body that is not JSON (a proxy's HTML error page, say) leaves the status line as all we know.
  if (typeof body === "object" && body !== null) {
    const { error, detail: d } = body as { error?: unknown; detail?: unknown };
    if (typeof error === "string") message = error;
    detail = d;
  }
  return new ApiError(response.status, message, detail);
}

/** The body of an answer; any non-2xx answer becomes an {@link ApiError}. */
export async function bodyOf<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiErrorFrom(response, error);
  return data as T;
}

/** A record with the version of it the server sent (its ETag), to name when changing it. */
export interface Versioned<T> {
  value: T;
  etag: string | undefined;
}

/** {@link bodyOf}, keeping the answer's ETag: what a later change names in If-Match. */
export async function versionedBodyOf<T>(call: Promise<Answer<T>>): Promise<Versioned<T>> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiErrorFrom(response, error);
  return { value: data as T, etag: response.headers.get("ETag") ?? undefined };
}

/** The If-Match header that makes a change apply only to the version `etag` names. */
export function ifMatch(etag: string | undefined): { "If-Match"?: string } {
  return etag === undefined ? {} : { "If-Match": etag };
}

/** True for the server's answer to a change of a version that is no longer current (412). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
