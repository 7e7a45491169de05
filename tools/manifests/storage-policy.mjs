// Policies about photo storage (issue 14, docs/photos.md): the app has object storage with its
// keys from a Secret, the nightly storage sweep sees the very same storage, and both can reach
// it (and the sweep its database) through the NetworkPolicies. Each takes the objects of one
// overlay and returns readable problems; [] means it passes.
import { reaches, pods } from './network-flows.mjs';
import { containers } from './policy.mjs';

const command = (c) => [...(c.command ?? []), ...(c.args ?? [])];
const runsServe = ({ init, container }) => !init && command(container)[0] === 'serve';
const runsSweep = ({ init, container }) => !init && command(container)[0] === 'storage' && command(container)[1] === 'sweep';

/** The keys the app reads from its environment for photo storage, and their defaults. */
const STORAGE_SETTINGS = { TMEIT_STORAGE_BACKEND: 'none', TMEIT_STORAGE_DIR: '', TMEIT_S3_ENDPOINT: '', TMEIT_S3_REGION: 'us-east-1',
  TMEIT_S3_BUCKET: '', TMEIT_S3_PATH_STYLE: 'true', TMEIT_S3_ACCESS_KEY_ID: '', TMEIT_S3_SECRET_ACCESS_KEY: '' };
const KEYS = ['TMEIT_S3_ACCESS_KEY_ID', 'TMEIT_S3_SECRET_ACCESS_KEY'];

/**
 * A container's environment as Kubernetes builds it: envFrom ConfigMaps in order (a later one
 * wins), then env. Each name maps to { value } or its valueFrom ({ secretKeyRef } ...). The keys
 * of an envFrom Secret are not in the manifests and are left out.
 */
export function containerEnv(objects, container, namespace) {
  const env = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const map = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef.name && o.metadata.namespace === namespace);
      for (const [key, value] of Object.entries(map?.data ?? {})) env[`${source.prefix ?? ''}${key}`] = { value };
    }
  }
  for (const entry of container.env ?? []) env[entry.name] = entry.valueFrom ? { ...entry.valueFrom } : { value: entry.value ?? '' };
  return env;
}

const value = (env, name) => env[name]?.value ?? STORAGE_SETTINGS[name];
/** How a setting is given, comparable between two containers: a Secret's key, or the value. */
function source(env, name) {
  const ref = env[name]?.secretKeyRef;
  if (ref) return `Secret ${ref.name} key ${ref.key}`;
  return value(env, name) ? `'${value(env, name)}'` : '(unset)';
}

/** The app's photo storage: s3 with endpoint, bucket and keys from a required Secret, or a writable folder. */
export function photoStorageConfigured(objects) {
  return containers(objects).filter(runsServe).flatMap(({ object, container, where }) => {
    const env = containerEnv(objects, container, object.metadata.namespace);
    const backend = value(env, 'TMEIT_STORAGE_BACKEND');
    if (backend === 's3') {
      const problems = ['TMEIT_S3_ENDPOINT', 'TMEIT_S3_BUCKET'].filter((n) => !value(env, n)).map((n) => `${where}: TMEIT_STORAGE_BACKEND=s3 without ${n}`);
      for (const name of KEYS) {
        const ref = env[name]?.secretKeyRef;
        if (!ref) problems.push(`${where}: ${name} does not come from a Secret`);
        else if (ref.optional === true) problems.push(`${where}: ${name} is optional (a missing Secret ${ref.name} would start the app without its keys)`);
      }
      return problems;
    }
    if (backend === 'folder') {
      const dir = value(env, 'TMEIT_STORAGE_DIR');
      const writable = (container.volumeMounts ?? []).some((m) => m.readOnly !== true && dir && (dir === m.mountPath || dir.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)));
      return writable ? [] : [`${where}: TMEIT_STORAGE_DIR ${dir || '(unset)'} is on no writable volume (the root filesystem is read-only)`];
    }
    return [`${where}: TMEIT_STORAGE_BACKEND is ${backend}: photo uploads would all answer 503`];
  });
}

/**
 * Where the app keeps photos, a CronJob runs `storage sweep` with the app's image and the very
 * same storage settings and keys; with the folder backend only a shared PersistentVolumeClaim
 * would let it see the app's files (an emptyDir is one per Pod).
 */
export function storageSweepBesideApp(objects) {
  const sweeps = containers(objects).filter((c) => runsSweep(c) && c.object.kind === 'CronJob');
  return containers(objects).filter(runsServe).flatMap(({ object, container, where }) => {
    const namespace = object.metadata.namespace;
    const env = containerEnv(objects, container, namespace);
    if (!['s3', 'folder'].includes(value(env, 'TMEIT_STORAGE_BACKEND'))) return [];
    const mine = sweeps.filter((s) => s.object.metadata.namespace === namespace);
    if (mine.length === 0) return [`${where}: no CronJob runs \`storage sweep\` in ${namespace}`];
    return mine.flatMap((sweep) => {
      const sweepEnv = containerEnv(objects, sweep.container, namespace);
      const problems = sweep.container.image === container.image ? [] : [`${sweep.where}: image ${sweep.container.image} is not the app's ${container.image}`];
      for (const name of Object.keys(STORAGE_SETTINGS)) {
        if (source(sweepEnv, name) !== source(env, name)) problems.push(`${sweep.where}: ${name} is not the app's (${source(sweepEnv, name)} against ${source(env, name)})`);
      }
      if (value(env, 'TMEIT_STORAGE_BACKEND') === 'folder') problems.push(`${sweep.where}: the folder backend keeps photos in the app's Pod, where the sweep cannot see them`);
      return problems;
    });
  });
}

const hostPort = (url) => {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)) };
};

/**
 * The NetworkPolicies let the app and the sweep reach their S3 endpoint, and the sweep reach
 * PostgreSQL (PGHOST:PGPORT): a missing allowance fails every upload or every sweep.
 */
export function storageReachable(objects) {
  const all = pods(objects);
  return containers(objects).filter((c) => runsServe(c) || runsSweep(c)).flatMap(({ object, container, where }) => {
    const env = containerEnv(objects, container, object.metadata.namespace);
    const from = all.find((p) => p.object === object);
    const problems = [];
    if (value(env, 'TMEIT_STORAGE_BACKEND') === 's3' && value(env, 'TMEIT_S3_ENDPOINT')) {
      const { host, port } = hostPort(value(env, 'TMEIT_S3_ENDPOINT'));
      const why = reaches(objects, from, host, port);
      if (why) problems.push(`${where}: cannot reach object storage ${host}:${port}: ${why}`);
    }
    if (runsSweep({ container }) && value(env, 'PGHOST')) {
      const why = reaches(objects, from, value(env, 'PGHOST'), Number(value(env, 'PGPORT') ?? 5432));
      if (why) problems.push(`${where}: cannot reach PostgreSQL ${value(env, 'PGHOST')}: ${why}`);
    }
    return problems;
  });
}

/** The photo storage checks every overlay must pass, by name. */
export const STORAGE_POLICIES = {
  'photo storage configured': photoStorageConfigured,
  'storage sweep beside the app': storageSweepBesideApp,
  'photo storage reachable': storageReachable,
};
