// Prints how much JavaScript (gzip) the browser loads for `/` and fails the build when the initial
// JS, before any route chunk, is over budget. Reads Vite's manifest, then removes it: it is build
// metadata, not something to serve.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const frontend = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(frontend, "dist");
const manifestDir = path.join(dist, ".vite");
const budget = 200_000; // bytes of gzip for the initial JS (the app shell and the libraries)

/** @typedef {{ file: string, isEntry?: boolean, imports?: string[] }} Chunk */
/** @type {Record<string, Chunk>} */
const manifest = JSON.parse(await readFile(path.join(manifestDir, "manifest.json"), "utf8"));

/** @param {string} key @param {Set<string>} seen @returns {string[]} files it statically loads */
function closure(key, seen) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((k) => closure(k, seen))];
}

/** @param {string[]} files @returns {Promise<number>} bytes of gzip (level 9, as served) */
async function gzipSize(files) {
  const sizes = await Promise.all(
    files.map(async (f) => zlib.gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

const seen = new Set();
const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error("Vite's manifest has no entry chunk");
const initial = closure(entryKey, seen);
const home = closure("src/app/routes/home.tsx", seen);

const initialSize = await gzipSize(initial);
const homeSize = await gzipSize(home);
const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `initial JS (shell, before route chunks): ${kb(initialSize)} gzip  [${initial.join(", ")}]`,
);
console.log(`home route chunk(s):                     ${kb(homeSize)} gzip  [${home.join(", ")}]`);
console.log(`JS loaded for /:                         ${kb(initialSize + homeSize)} gzip`);

await rm(manifestDir, { recursive: true, force: true });

if (initialSize > budget) {
  console.error(`initial JS is over its budget of ${kb(budget)} gzip`);
  process.exit(1);
}
