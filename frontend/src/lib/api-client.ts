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

async function errorFrom(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let detail: unknown;
  try {
    const body: unknown = await response.json();
    if (typeof body === "object" && body !== null) {
      const { error, detail: d } = body as { error?: unknown; detail?: unknown };
      if (typeof error === "string") message = error;
      detail = d;
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line is all we can tell.
  }
  return new ApiError(response.status, message, detail);
}

/** A record with the version of it the server sent (its ETag), to name when changing it. */
export interface Versioned<T> {
  value: T;
  etag: string | undefined;
}

/** The answer of the API at `path`, with the bearer token sent; non-2xx becomes an ApiError. */
async function request(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  const token = readAccessToken();
  if (token !== undefined && !headers.has("Authorization")) {
    headers.set("Authorization", `Bearer ${token}`);
  }
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    if (response.status === 401 && token !== undefined) clearAccessToken(SESSION_EXPIRED);
    throw await errorFrom(response);
  }
  return response;
}

/**
 * Calls the JSON API at `path` (e.g. `/api/v1/version`) with the bearer token, if there is one,
 * and returns the parsed body; any non-2xx answer becomes an {@link ApiError}. A 401 to a request
 * that carried a token means the login is over (expired, revoked): the user is logged out.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await request(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** {@link apiFetch}, keeping the answer's ETag: what a later change names in If-Match. */
export async function apiFetchVersioned<T>(
  path: string,
  init: RequestInit = {},
): Promise<Versioned<T>> {
  const response = await request(path, init);
  return { value: (await response.json()) as T, etag: response.headers.get("ETag") ?? undefined };
}

/** Sends `body` as JSON with `method` to `path`, with extra `headers`; see {@link apiFetch}. */
export function apiSend<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return apiFetch<T>(path, {
    method,
    headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The If-Match header that makes a change apply only to the version `etag` names. */
export function ifMatch(etag: string | undefined): Record<string, string> {
  return etag === undefined ? {} : { "If-Match": etag };
}

/** True for the server's answer to a change of a version that is no longer current (412). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
