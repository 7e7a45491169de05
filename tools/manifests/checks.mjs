// Everything we check about one Kustomize directory: it renders, every object is valid and has
// no unknown fields, and (for overlays) every policy holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { objectName, renderOverlay } from './render.mjs';
import { strictSchemaErrors } from './schema.mjs';
import { migrationsBeforeApp, noPlainSecrets, POLICIES } from './policy.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KUSTOMIZE_ROOT = path.join(REPO_ROOT, 'deploy/kubernetes');
export const OVERLAYS = ['dev', 'test', 'prod'];
/** Overlays whose secrets are generated from committed dev-only or test-only literals. */
export const PLAIN_SECRETS_ALLOWED = new Set(['dev', 'test']);

/** The release version: `project(tmeit VERSION x.y.z)` in the top CMakeLists.txt. */
export function releaseVersion(root = REPO_ROOT) {
  const text = readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8');
  const match = /project\(\s*tmeit\s+VERSION\s+(\d+\.\d+\.\d+)/.exec(text);
  if (!match) throw new Error('no `project(tmeit VERSION x.y.z)` in CMakeLists.txt');
  return match[1];
}

/** Schema problems of rendered objects, as { check, message }. */
export function schemaProblems(objects) {
  return objects.flatMap((object) =>
    strictSchemaErrors(object).map((message) => ({ check: 'schema', message: `${objectName(object)}: ${message}` })),
  );
}

/** Policy problems of an overlay's objects, as { check, message }. */
export function policyProblems(objects, { version, plainSecretsAllowed }) {
  const checks = { ...POLICIES, 'migrations before the app': (o) => migrationsBeforeApp(o, version) };
  if (!plainSecretsAllowed) checks['no plain secrets'] = noPlainSecrets;
  return Object.entries(checks).flatMap(([check, run]) => run(objects).map((message) => ({ check, message })));
}

/** Renders DIR and checks it; `overlay: false` (base) skips the policies. */
export function checkDirectory(dir, { version = releaseVersion(), overlay = true } = {}) {
  const objects = renderOverlay(dir);
  const problems = schemaProblems(objects);
  if (overlay) {
    problems.push(...policyProblems(objects, { version, plainSecretsAllowed: PLAIN_SECRETS_ALLOWED.has(path.basename(dir)) }));
  }
  return { objects, problems };
}
