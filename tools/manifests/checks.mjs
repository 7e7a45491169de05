// Everything we check about one Kustomize directory: it renders, every object is valid and has
// no unknown fields, and (for overlays) every policy holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { objectName, renderOverlay } from './render.mjs';
import { strictSchemaErrors } from './schema.mjs';
import { migrationsBeforeApp, noPlainSecrets, POLICIES } from './policy.mjs';
import { DEPLOY_POLICIES, deployAccountCanDeploy } from './deploy-policy.mjs';
import { STORAGE_POLICIES } from './storage-policy.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KUSTOMIZE_ROOT = path.join(REPO_ROOT, 'deploy/kubernetes');
export const OVERLAYS = ['dev', 'test', 'prod'];
/** Overlays whose secrets are generated from committed dev-only or test-only literals. */
export const PLAIN_SECRETS_ALLOWED = new Set(['dev', 'test']);
/** The migration Job's own image where Tilt builds one (the Containerfile's `migrator` stage). */
export const MIGRATOR_IMAGES = { dev: 'tmeit-dev-migrate:dev' };
/** Overlays CI deploys with scripts/deploy, as the deploy account. */
export const DEPLOYED_BY_CI = new Set(['prod']);

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
export function policyProblems(objects, { version, plainSecretsAllowed, deployedByCi = false, migratorImage = null }) {
  const checks = {
    ...POLICIES, ...DEPLOY_POLICIES, ...STORAGE_POLICIES, 'migrations before the app': (o) => migrationsBeforeApp(o, version, migratorImage),
  };
  if (!plainSecretsAllowed) checks['no plain secrets'] = noPlainSecrets;
  if (deployedByCi) checks['the deploy account can deploy'] = deployAccountCanDeploy;
  return Object.entries(checks).flatMap(([check, run]) => run(objects).map((message) => ({ check, message })));
}

/** Renders DIR and checks it; `overlay: false` (base) skips the policies. */
export function checkDirectory(dir, { version = releaseVersion(), overlay = true } = {}) {
  const objects = renderOverlay(dir);
  const problems = schemaProblems(objects);
  if (overlay) {
    const name = path.basename(dir);
    problems.push(...policyProblems(objects, {
      version, plainSecretsAllowed: PLAIN_SECRETS_ALLOWED.has(name), deployedByCi: DEPLOYED_BY_CI.has(name), migratorImage: MIGRATOR_IMAGES[name],
    }));
  }
  return { objects, problems };
}
