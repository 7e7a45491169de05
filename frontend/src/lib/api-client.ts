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

const TOKEN_COOKIE = "access_token";

/** The bearer token the login dialog stored in the `access_token` cookie, if any. */
export function readAccessToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === TOKEN_COOKIE && rest.length > 0) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

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
 * and returns the parsed body; any non-2xx answer becomes an {@link ApiError}.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  const token = readAccessToken();
  if (token !== undefined && !headers.has("Authorization")) {
    headers.set("Authorization", `Bearer ${token}`);
  }
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
