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

/**
 * Calls the JSON API at `path` (e.g. `/api/v1/version`) with the bearer token, if there is one,
 * and returns the parsed body; any non-2xx answer becomes an {@link ApiError}. A 401 to a request
 * that carried a token means the login is over (expired, revoked): the user is logged out.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends `body` as JSON with `method` to `path`; see {@link apiFetch}. */
export function apiSend<T>(method: string, path: string, body?: unknown): Promise<T> {
  return apiFetch<T>(path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
