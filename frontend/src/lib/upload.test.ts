import { readAccessToken, SESSION_EXPIRED } from "@/lib/api-client";
import { sessionEndedNotice } from "@/lib/session";
import { uploadForm, type UploadProgress } from "@/lib/upload";
import { jsonResponse, serveApi } from "@/testing/api-server";
import { aFile } from "@/testing/photos";
import { logInForTest } from "@/testing/session";

function bannerForm(): FormData {
  const form = new FormData();
  form.append("file", aFile("banner.jpg", "image/jpeg")); // 64 KiB
  return form;
}

function upload(onProgress?: (progress: UploadProgress) => void) {
  return uploadForm({
    method: "put",
    path: "/api/v1/events/{uuid}/banner",
    params: { uuid: "e1" },
    form: bannerForm(),
    onProgress,
  });
}

describe("uploadForm", () => {
  it("sends the form with the bearer token and reports the upload's progress", async () => {
    logInForTest("abc.def.ghi");
    const sent = serveApi({ "PUT /api/v1/events/e1/banner": () => jsonResponse({ ok: 1 }) });
    const progress: UploadProgress[] = [];

    await expect(upload((p) => progress.push(p))).resolves.toEqual({ ok: 1 });

    expect(sent[0]?.headers.get("Authorization")).toBe("Bearer abc.def.ghi");
    expect(sent[0]?.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]?.body).toContain('name="file"; filename="banner.jpg"');
    // The test network reports the whole body at once (a browser reports it as it goes): the
    // form's bytes, the 64 KiB file and the multipart framing around it.
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1);
    expect(last?.sent).toBe(last?.total);
    expect(last?.total).toBeGreaterThan(64 * 1024);
    expect(last?.total).toBeLessThan(64 * 1024 + 1024);
  });

  it("rejects with the server's message", async () => {
    serveApi({
      "PUT /api/v1/events/e1/banner": () =>
        jsonResponse({ error: "file: GIF is not a photo format we take" }, 415),
    });

    await expect(upload()).rejects.toMatchObject({
      status: 415,
      message: "file: GIF is not a photo format we take",
    });
  });

  it("says what a refusal without the API's JSON means", async () => {
    serveApi({
      "PUT /api/v1/events/e1/banner": () =>
        new Response("<html>Request Entity Too Large</html>", { status: 413 }),
    });

    await expect(upload()).rejects.toMatchObject({
      status: 413,
      message: "the file is larger than the server accepts",
    });
  });

  it("logs out when the server refuses the token", async () => {
    logInForTest();
    serveApi({
      "PUT /api/v1/events/e1/banner": () => jsonResponse({ error: "token expired" }, 401),
    });

    await expect(upload()).rejects.toMatchObject({ status: 401 });

    expect(readAccessToken()).toBeUndefined();
    expect(sessionEndedNotice()).toBe(SESSION_EXPIRED);
  });
});
