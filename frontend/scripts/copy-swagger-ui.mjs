// Copies Swagger UI from the swagger-ui-dist package into dist/swagger-ui/, so the backend serves
// the API docs page (/api/v1/docs) with no CDN. Our swagger-initializer.js comes from
// public/swagger-ui/ through the Vite build; this adds the package's files beside it.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const frontend = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = path.join(frontend, "dist", "swagger-ui");
const source = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** @type {(string | [string, string])[]} a name, or [name in the package, name in dist] */
const files = [
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "swagger-ui.css",
  "favicon-16x16.png",
  "favicon-32x32.png",
  // Apache-2.0: the licence and notices travel with the code.
  ["LICENSE", "LICENSE.txt"],
  ["NOTICE", "NOTICE.txt"],
  "swagger-ui-bundle.js.LICENSE.txt",
  "swagger-ui-standalone-preset.js.LICENSE.txt",
];

// The source maps stay behind (megabytes nobody needs in production); drop the comments that
// point at them, or every browser with developer tools open asks for a missing file.
const sourceMapComment = /\n?\/[*/]# sourceMappingURL=\S+?(?: ?\*\/)?\s*$/;

await mkdir(target, { recursive: true });
for (const entry of files) {
  const [name, targetName] = typeof entry === "string" ? [entry, entry] : entry;
  const from = path.join(source, name);
  // A .txt name gets the licence texts a text Content-Type from the server.
  const to = path.join(target, targetName);
  if (name.endsWith(".js") || name.endsWith(".css")) {
    const text = await readFile(from, "utf8");
    await writeFile(to, text.replace(sourceMapComment, "\n"));
  } else {
    await copyFile(from, to);
  }
}

const { version } = JSON.parse(await readFile(path.join(source, "package.json"), "utf8"));
console.log(
  `swagger-ui-dist ${version}: ${files.length} files → ${path.relative(frontend, target)}/`,
);
