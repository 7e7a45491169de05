import { ApiError, apiFetch, apiSend, readAccessToken, SESSION_EXPIRED } from "@/lib/api-client";
import { sessionEndedNotice } from "@/lib/session";
import { jsonResponse, mockFetch } from "@/testing/mock-fetch";
import { logInForTest } from "@/testing/session";

describe("apiFetch", () => {
  it("returns the parsed JSON body", async () => {
    mockFetch({ "/api/v1/version": () => jsonResponse({ backend: "0.1.0", schema_version: 1 }) });

    await expect(apiFetch("/api/v1/version")).resolves.toEqual({
      backend: "0.1.0",
      schema_version: 1,
    });
  });

  it("sends the token from the access_token cookie as a bearer header", async () => {
    logInForTest("abc.def.ghi");
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

  it("logs out with a notice when the server refuses the token", async () => {
    logInForTest();
    mockFetch({ "/api/v1/me": () => jsonResponse({ error: "token revoked" }, 401) });

    await expect(apiFetch("/api/v1/me")).rejects.toMatchObject({ status: 401 });

    expect(readAccessToken()).toBeUndefined();
    expect(sessionEndedNotice()).toBe(SESSION_EXPIRED);
  });

  it("leaves a visitor's state alone on a 401 (a wrong password, say)", async () => {
    mockFetch({ "/api/v1/token": () => jsonResponse({ error: "incorrect" }, 401) });

    await expect(apiFetch("/api/v1/token", { method: "POST" })).rejects.toBeInstanceOf(ApiError);

    expect(sessionEndedNotice()).toBeUndefined();
  });
});

describe("apiSend", () => {
  it("sends the body as JSON with the method", async () => {
    const fetch = mockFetch({ "/api/v1/reset": () => jsonResponse({ status: "ok" }) });

    await apiSend("PUT", "/api/v1/reset", { email: "a@b.se" });

    const init = fetch.mock.calls[0]?.[1];
    expect(init?.method).toBe("PUT");
    expect(init?.body).toBe('{"email":"a@b.se"}');
    expect(new Headers(init?.headers).get("Content-Type")).toBe("application/json");
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
