import { ApiError, apiFetch, readAccessToken } from "@/lib/api-client";
import { jsonResponse, mockFetch } from "@/testing/mock-fetch";

describe("apiFetch", () => {
  afterEach(() => {
    document.cookie = "access_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
  });

  it("returns the parsed JSON body", async () => {
    mockFetch({ "/api/v1/version": () => jsonResponse({ backend: "0.1.0", schema_version: 1 }) });

    await expect(apiFetch("/api/v1/version")).resolves.toEqual({
      backend: "0.1.0",
      schema_version: 1,
    });
  });

  it("sends the token from the access_token cookie as a bearer header", async () => {
    document.cookie = "access_token=abc.def.ghi; path=/";
    const fetch = mockFetch({ "/api/v1/me": () => jsonResponse({}) });

    await apiFetch("/api/v1/me");

    const init = fetch.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get("Authorization")).toBe("Bearer abc.def.ghi");
  });

  it("turns an error answer into an ApiError with the server's message", async () => {
    mockFetch({
      "/api/v1/me": () => jsonResponse({ error: "Not authenticated" }, 401),
    });

    const error: unknown = await apiFetch("/api/v1/me").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: "Not authenticated" });
  });

  it("keeps the status line when the error body is not JSON", async () => {
    mockFetch({
      "/api/v1/me": () => new Response("<html>Bad gateway</html>", { status: 502 }),
    });

    await expect(apiFetch("/api/v1/me")).rejects.toMatchObject({ status: 502 });
  });
});

describe("readAccessToken", () => {
  it("finds the token among other cookies", () => {
    expect(readAccessToken("theme=dark; access_token=x%3Dy; lang=sv")).toBe("x=y");
  });

  it("is undefined without the cookie", () => {
    expect(readAccessToken("theme=dark")).toBeUndefined();
  });
});
