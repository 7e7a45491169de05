// node tools/manifests/check.mjs [DIR...]: render and check Kustomize directories (default:
// deploy/kubernetes/base and every overlay). Prints each problem; exit 1 if there is any.
import path from 'node:path';
import { checkDirectory, KUSTOMIZE_ROOT, OVERLAYS } from './checks.mjs';

const dirs = process.argv.length > 2
  ? process.argv.slice(2)
  : ['base', ...OVERLAYS].map((name) => path.join(KUSTOMIZE_ROOT, name));
let failed = 0;
for (const dir of dirs) {
  try {
    const { objects, problems } = checkDirectory(dir, { overlay: path.basename(dir) !== 'base' });
    for (const { check, message } of problems) console.log(`${dir}: [${check}] ${message}`);
    console.log(`${dir}: ${objects.length} objects, ${problems.length} problems`);
    if (problems.length > 0) failed += 1;
  } catch (error) {
    console.log(`${dir}: does not render: ${error.stderr || error.message}`);
    failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
