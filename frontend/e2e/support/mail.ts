import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "./env";

/** Undoes quoted-printable (soft line breaks and =XX bytes) well enough to find links. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Waits (up to `timeoutMs`) for a mail to `to` whose text matches `pattern`; returns the match. */
export async function waitForMail(
  to: string,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = (await readdir(env.mailDir))
      .filter((n) => n.endsWith(".eml"))
      .sort()
      .reverse();
    for (const name of names) {
      const mail = decodeQuotedPrintable(await readFile(path.join(env.mailDir, name), "utf8"));
      if (!mail.includes(`X-Sink-Rcpt-To: ${to}`)) continue;
      const match = mail.match(pattern);
      if (match) return match;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} matching ${String(pattern)} within ${timeoutMs} ms`);
}
