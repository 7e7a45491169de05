import type { paths } from "@/client/schema";
import { ApiError, apiErrorFrom, endSessionOn401 } from "@/lib/api-client";
import { readAccessToken } from "@/lib/session";

/** How far an upload has come: bytes of the request body sent, of all of them. */
export interface UploadProgress {
  sent: number;
  total: number;
}

type Method = "post" | "put";
/** The API's paths that take `method` (from the generated schema, so a typo fails `tsc`). */
type PathWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

interface UploadOptions<M extends Method> {
  method: M;
  /** A path of the API with its `{parameters}`, e.g. "/api/v1/events/{uuid}/banner". */
  path: PathWith<M>;
  /** The values of the path's parameters. */
  params: Record<string, string>;
  form: FormData;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

// Said when a refusal's body is not the API's JSON (a proxy in front of the server, say).
const fallbackMessages: Record<number, string> = {
  413: "the file is larger than the server accepts",
  503: "the server is busy; try again in a minute",
};

function filledPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`uploadForm: no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

function parsedJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refusal(xhr: XMLHttpRequest): ApiError {
  const body = parsedJson(xhr.responseText);
  const error = apiErrorFrom(xhr, body);
  const fallback = fallbackMessages[xhr.status];
  if (body === undefined && fallback !== undefined) {
    return new ApiError(xhr.status, fallback, error.detail);
  }
  return error;
}

/**
 * Sends a multipart form to the API and reports the upload's progress as it goes: with
 * XMLHttpRequest, the one browser API that has upload progress events (`fetch` has none). Sends
 * the bearer token as `api` does (and logs out on a 401 to it). Resolves with the parsed JSON
 * body of a 2xx answer (undefined when it has none); rejects with an {@link ApiError} carrying the
 * server's message, or an Error when the connection failed.
 */
export function uploadForm<M extends Method>({
  method,
  path,
  params,
  form,
  onProgress,
}: UploadOptions<M>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method.toUpperCase(), new URL(filledPath(path, params), globalThis.location.origin));
    xhr.setRequestHeader("Accept", "application/json");
    const token = readAccessToken();
    if (token !== undefined) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ sent: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsedJson(xhr.responseText));
        return;
      }
      endSessionOn401(xhr.status, token !== undefined);
      reject(refusal(xhr));
    };
    xhr.onerror = () => {
      reject(new Error("the connection to the server was lost; try again"));
    };
    // The browser sets the multipart Content-Type with its boundary.
    xhr.send(form);
  });
}
