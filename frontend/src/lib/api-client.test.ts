import { http } from "msw";
import {
  api,
  ApiError,
  bodyOf,
  ifMatch,
  readAccessToken,
  SESSION_EXPIRED,
  versionedBodyOf,
} from "@/lib/api-client";
import { sessionEndedNotice } from "@/lib/session";
import { apiServer, fieldErrorResponse, jsonResponse, serveApi } from "@/testing/api-server";
import { logInForTest } from "@/testing/session";

describe("bodyOf", () => {
  it("returns the parsed JSON body", async () => {
    serveApi({ "/api/v1/version": () => jsonResponse({ backend: "0.1.0", schema_version: 1 }) });

    await expect(bodyOf(api.GET("/api/v1/version"))).resolves.toEqual({
      backend: "0.1.0",
      schema_version: 1,
    });
  });

  it("sends the token from the access_token cookie as a bearer header", async () => {
    logInForTest("abc.def.ghi");
    const sent = serveApi({ "/api/v1/me": () => jsonResponse({}) });

    await bodyOf(api.GET("/api/v1/me"));

    expect(sent[0]?.headers.get("Authorization")).toBe("Bearer abc.def.ghi");
  });

  it("turns an error answer into an ApiError with the server's message", async () => {
    serveApi({
      "/api/v1/me": () => jsonResponse({ error: "Not authenticated" }, 401),
    });

    const error: unknown = await bodyOf(api.GET("/api/v1/me")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: "Not authenticated" });
  });

  it("keeps the status line when the error body is not JSON", async () => {
    serveApi({
      "/api/v1/me": () =>
        new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    });

    await expect(bodyOf(api.GET("/api/v1/me"))).rejects.toMatchObject({
      status: 502,
      message: "502 Bad Gateway",
    });
  });

  it("logs out with a notice when the server refuses the token", async () => {
    logInForTest();
    serveApi({ "/api/v1/me": () => jsonResponse({ error: "token revoked" }, 401) });

    await expect(bodyOf(api.GET("/api/v1/me"))).rejects.toMatchObject({ status: 401 });

    expect(readAccessToken()).toBeUndefined();
    expect(sessionEndedNotice()).toBe(SESSION_EXPIRED);
  });

  it("leaves a visitor's state alone on a 401 (a wrong password, say)", async () => {
    serveApi({ "/api/v1/token": () => jsonResponse({ error: "incorrect" }, 401) });

    const login = api.POST("/api/v1/token", {
      body: { username: "ada@example.com", password: "wrong" },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    await expect(bodyOf(login)).rejects.toBeInstanceOf(ApiError);

    expect(sessionEndedNotice()).toBeUndefined();
  });

  it("keeps the field problems of a 422 as its detail", async () => {
    serveApi({ "/api/v1/reset": () => fieldErrorResponse({ email: "is not an email" }) });

    const error: unknown = await bodyOf(api.PUT("/api/v1/reset", { body: { email: "x" } })).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({
      status: 422,
      message: "email: is not an email",
      detail: [{ loc: ["body", "email"], msg: "is not an email", type: "value_error" }],
    });
  });
});

describe("api", () => {
  it("sends the body as JSON with the method", async () => {
    let sent: Request | undefined;
    let text = "";
    apiServer.use(
      http.put("/api/v1/reset", async ({ request }) => {
        sent = request;
        text = await request.text();
        return jsonResponse({ status: "ok" });
      }),
    );

    await bodyOf(api.PUT("/api/v1/reset", { body: { email: "a@b.se" } }));

    expect(sent?.method).toBe("PUT");
    expect(text).toBe('{"email":"a@b.se"}');
    expect(sent?.headers.get("Content-Type")).toBe("application/json");
  });

  it("fills in path parameters, escaped", async () => {
    const sent = serveApi({ "GET /api/v1/events/a%2Fb": () => jsonResponse({}) });

    await bodyOf(api.GET("/api/v1/events/{uuid}", { params: { path: { uuid: "a/b" } } }));

    expect(sent[0]?.url.pathname).toBe("/api/v1/events/a%2Fb");
  });
});

describe("versionedBodyOf", () => {
  it("keeps the ETag, for the change to name in If-Match", async () => {
    const sent = serveApi({
      "GET /api/v1/members/AdaAda12": () =>
        jsonResponse({ first_name: "Ada" }, 200, { ETag: '"5"' }),
      "PATCH /api/v1/members/AdaAda12": () => jsonResponse({ first_name: "Ada" }),
    });
    const path = { short_uuid: "AdaAda12" };

    const { value, etag } = await versionedBodyOf(
      api.GET("/api/v1/members/{short_uuid}", { params: { path } }),
    );
    await bodyOf(
      api.PATCH("/api/v1/members/{short_uuid}", {
        params: { path, header: ifMatch(etag) },
        body: { phone: "070-2" },
      }),
    );

    expect(value).toEqual({ first_name: "Ada" });
    expect(etag).toBe('"5"');
    expect(sent[1]?.headers.get("If-Match")).toBe('"5"');
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
