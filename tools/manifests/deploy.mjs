// How scripts/deploy applies an overlay. A cluster admin applies, once and when they change, the
// Namespaces, cluster-scoped objects and RBAC (`scripts/deploy --setup`); the deploy account of
// CI, which may only touch objects inside its namespaces, applies the rest on every release,
// namespace by namespace, each an ApplySet so objects removed from git are pruned.
//
//   node tools/manifests/deploy.mjs split RENDERED DIR     writes DIR/setup.yaml and DIR/<ns>.yaml,
//                                                          prints the namespaces
//   node tools/manifests/deploy.mjs job-action OBJECTS_YAML JOB LIVE_JSON
//                                                          prints create, keep or delete (and why)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { parseObjects } from './render.mjs';

/** Kinds only a cluster admin applies: they are cluster-wide, or grant permissions. */
export const SETUP_KINDS = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);
/** The ServiceAccount CI deploys as (created at setup, in the app's namespace). */
export const DEPLOY_ACCOUNT = 'tmeit-deploy';
/** The ApplySet parent in each namespace (a ConfigMap the deploy account may write). */
export const APPLYSET = 'configmaps/tmeit-applyset';

export const isSetupObject = (o) =>
  SETUP_KINDS.has(o.kind) || (o.kind === 'ServiceAccount' && o.metadata?.name === DEPLOY_ACCOUNT);

/** { setup: objects, byNamespace: Map(namespace -> objects) } of a rendered overlay. */
export function splitForDeploy(objects) {
  const setup = [];
  const byNamespace = new Map();
  for (const object of objects) {
    const namespace = object.metadata?.namespace;
    if (isSetupObject(object) || !namespace) {
      setup.push(object);
      continue;
    }
    if (!byNamespace.has(namespace)) byNamespace.set(namespace, []);
    byNamespace.get(namespace).push(object);
  }
  return { setup, byNamespace };
}

/** kubectl's arguments to apply one namespace's objects (from stdin) as an ApplySet. */
export function applyArgs(namespace, fieldManager = 'tmeit-deploy') {
  return ['apply', '--server-side', '--force-conflicts', `--field-manager=${fieldManager}`, '--prune',
    `--applyset=${APPLYSET}`, '--namespace', namespace, '-f', '-'];
}

const images = (job) => (job?.spec?.template?.spec?.containers ?? []).map((c) => c.image).join(',');

/**
 * What to do with the migration Job before applying: a Job is immutable and runs once, so one
 * that failed, or that ran another image under the same name, must go for this release's to run.
 */
export function jobAction(rendered, live) {
  if (!live) return { action: 'create', reason: 'no such Job yet' };
  const failed = (live.status?.conditions ?? []).some((c) => c.type === 'Failed' && c.status === 'True');
  if (failed) return { action: 'delete', reason: 'it failed: a re-run needs a fresh Job' };
  if (images(live) !== images(rendered)) {
    return { action: 'delete', reason: `it ran ${images(live)}, this release is ${images(rendered)}` };
  }
  return { action: 'keep', reason: 'it ran this image already' };
}

function main([command, ...args]) {
  if (command === 'split' && args.length === 2) {
    const [rendered, dir] = args;
    const { setup, byNamespace } = splitForDeploy(parseObjects(readFileSync(rendered, 'utf8')));
    mkdirSync(dir, { recursive: true });
    const write = (name, objects) => writeFileSync(path.join(dir, `${name}.yaml`), objects.map((o) => `---\n${stringify(o)}`).join(''));
    write('setup', setup);
    for (const [namespace, objects] of byNamespace) write(namespace, objects);
    console.log([...byNamespace.keys()].join(' '));
    return 0;
  }
  if (command === 'job-action' && args.length === 3) {
    const rendered = parseObjects(readFileSync(args[0], 'utf8')).find((o) => o.kind === 'Job' && o.metadata.name === args[1]);
    if (!rendered) throw new Error(`no Job ${args[1]} in ${args[0]}`);
    const liveText = readFileSync(args[2], 'utf8').trim();
    const { action, reason } = jobAction(rendered, liveText ? JSON.parse(liveText) : null);
    console.log(`${action} ${reason}`);
    return 0;
  }
  console.error('usage: deploy.mjs split RENDERED DIR | job-action OBJECTS_YAML JOB LIVE_JSON');
  return 2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
