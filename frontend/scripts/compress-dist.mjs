// Writes precompressed siblings (name.br, name.gz) for every compressible file under dist/, so the
// server sends them as they are, chosen by Accept-Encoding, without compressing per request.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

const frontend = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.resolve(frontend, process.argv[2] ?? "dist");

const compressible = new Set([
  ".js",
  ".mjs",
  ".css",
  ".html",
  ".svg",
  ".json",
  ".txt",
  ".map",
  ".xml",
  ".webmanifest",
]);
// Below this a compressed copy is not worth an extra file, a lookup and a Content-Encoding.
const minimumSaving = 0.05;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** @param {string} dir @returns {Promise<string[]>} every file under dir */
async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}

/** @param {Buffer} data */
function compressWithBrotli(data) {
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** @param {string} file @param {Buffer} original @param {string} suffix @param {Buffer} packed */
async function writeIfSmaller(file, original, suffix, packed) {
  if (packed.length > original.length * (1 - minimumSaving)) return false;
  await writeFile(file + suffix, packed);
  return true;
}

/** @param {string} file */
async function compress(file) {
  const original = await readFile(file);
  const [br, gz] = await Promise.all([
    compressWithBrotli(original),
    gzip(original, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  const wroteBr = await writeIfSmaller(file, original, ".br", br);
  const wroteGz = await writeIfSmaller(file, original, ".gz", gz);
  return {
    file,
    size: original.length,
    br: wroteBr ? br.length : null,
    gz: wroteGz ? gz.length : null,
  };
}

const all = await walk(dist);
// Start from a clean slate so a rerun never leaves a stale .br/.gz beside a changed file.
await Promise.all(all.filter((f) => /\.(br|gz)$/.test(f)).map((f) => rm(f)));
const sources = all.filter((f) => compressible.has(path.extname(f).toLowerCase()));
const results = await Promise.all(sources.map(compress));

const kb = (/** @type {number | null} */ n) => (n === null ? "-" : `${(n / 1024).toFixed(1)} KiB`);
results.sort((a, b) => b.size - a.size);
for (const { file, size, gz, br } of results) {
  const name = path.relative(dist, file);
  console.log(
    `${name.padEnd(56)} ${kb(size).padStart(11)}  gz ${kb(gz).padStart(11)}  br ${kb(br).padStart(11)}`,
  );
}
const written = results.filter((r) => r.br !== null || r.gz !== null).length;
console.log(
  `compressed ${written} of ${results.length} files in ${path.relative(frontend, dist)}/`,
);
