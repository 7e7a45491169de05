// Photos for the journeys: a JPEG drawn by the browser with GPS written into its EXIF by exiftool
// (Debian's libimage-exiftool-perl, in scripts/lib/packages.txt), and what a served photo holds.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";

const run = promisify(execFile);

/** KTH's main building: where the test's photo claims it was taken. */
const photoPlace = { latitude: 59.3473, longitude: 18.0727 };

async function scratchFile(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "tmeit-e2e-")), name);
  await writeFile(file, bytes);
  return file;
}

// Runs in the browser (text: this file is compiled without the DOM's types): a gradient and a disc,
// as a JPEG data URL.
const drawPhotoScript = `(() => {
  const canvas = document.createElement("canvas");
  canvas.width = 1600;
  canvas.height = 1200;
  const context = canvas.getContext("2d");
  const gradient = context.createLinearGradient(0, 0, 1600, 1200);
  gradient.addColorStop(0, "#7a1f2b");
  gradient.addColorStop(1, "#f2c14e");
  context.fillStyle = gradient;
  context.fillRect(0, 0, 1600, 1200);
  context.fillStyle = "#fff";
  context.beginPath();
  context.arc(800, 600, 300, 0, 2 * Math.PI);
  context.fill();
  return canvas.toDataURL("image/jpeg", 0.9);
})()`;

/**
 * A 1600×1200 JPEG (a canvas of `page`'s browser) with GPS coordinates and an artist in its EXIF,
 * as a phone camera writes them; returns its path.
 */
export async function jpegWithGps(page: Page): Promise<string> {
  const dataUrl = await page.evaluate<string>(drawPhotoScript);
  const jpeg = Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
  const file = await scratchFile("phone-photo.jpg", jpeg);
  const { latitude, longitude } = photoPlace;
  await run("exiftool", [
    "-q",
    "-overwrite_original",
    `-GPSLatitude=${latitude}`,
    "-GPSLatitudeRef=N",
    `-GPSLongitude=${longitude}`,
    "-GPSLongitudeRef=E",
    "-Artist=TMEIT e2e",
    file,
  ]);
  return file;
}

/** Every metadata tag exiftool finds in `bytes`, by group and name ("GPS:GPSLatitude"). */
export async function metadataTags(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const file = await scratchFile("photo", bytes);
  const { stdout } = await run("exiftool", ["-json", "-a", "-G1", "-n", file]);
  const [tags] = JSON.parse(stdout) as (Record<string, unknown> | undefined)[];
  return tags ?? {};
}

/** The GPS and EXIF tags among `tags` (what a phone's location would be in). */
export function locationTags(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter((name) => /^(GPS|IFD0|ExifIFD|XMP-\w+):/.test(name));
}

/** The chunk names of a WebP file (RIFF): "VP8 ", "VP8X", "EXIF", "XMP ", ... */
export function webpChunks(bytes: Uint8Array): string[] {
  const text = (from: number, length: number) =>
    String.fromCharCode(...bytes.subarray(from, from + length));
  if (text(0, 4) !== "RIFF" || text(8, 4) !== "WEBP") throw new Error("not a WebP file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  for (let at = 12; at + 8 <= bytes.length;) {
    chunks.push(text(at, 4));
    const size = view.getUint32(at + 4, true);
    at += 8 + size + (size % 2); // chunks are padded to an even length
  }
  return chunks;
}
