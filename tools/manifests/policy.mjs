// Policy checks on rendered objects (docs/style.md rule 25 and issue 5). Each check takes the
// objects of one overlay and returns readable problems; [] means it passes.
import { objectName } from './render.mjs';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod']);
const LONG_RUNNING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The Pod spec of a workload object, or null. */
export function podSpec(object) {
  if (!WORKLOAD_KINDS.has(object?.kind)) return null;
  if (object.kind === 'Pod') return object.spec ?? null;
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.spec ?? null;
  return object.spec?.template?.spec ?? null;
}

/** [{ object, pod, container, init, where }] for every container of every workload. */
export function containers(objects) {
  return objects.flatMap((object) => {
    const pod = podSpec(object);
    if (!pod) return [];
    const list = (items, init) =>
      (items ?? []).map((container) => ({
        object,
        pod,
        container,
        init,
        where: `${objectName(object)} ${init ? 'init container' : 'container'} ${container.name}`,
      }));
    return [...list(pod.initContainers, true), ...list(pod.containers, false)];
  });
}

export function requestsAndLimits(objects) {
  return containers(objects).flatMap(({ container, where }) =>
    ['requests', 'limits'].flatMap((kind) =>
      ['cpu', 'memory']
        .filter((resource) => container.resources?.[kind]?.[resource] === undefined)
        .map((resource) => `${where}: no ${resource} in resources.${kind}`),
    ),
  );
}

// runAsNonRoot alone fails at start for an image whose USER is a name, so a numeric uid is required.
export function nonRoot(objects) {
  return containers(objects).flatMap(({ pod, container, where }) => {
    const nonRootSet = container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
    const uid = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
    const problems = [];
    if (nonRootSet !== true) problems.push(`${where}: runAsNonRoot is not true`);
    if (!Number.isInteger(uid) || uid <= 0) problems.push(`${where}: no numeric non-zero runAsUser`);
    return problems;
  });
}

export function hardened(objects) {
  return containers(objects).flatMap(({ pod, container, where }) => {
    const sc = container.securityContext ?? {};
    const seccomp = sc.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
    const problems = [];
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem is not true`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${where}: capabilities.drop lacks ALL`);
    if (sc.privileged === true) problems.push(`${where}: privileged`);
    if (seccomp !== 'RuntimeDefault') problems.push(`${where}: seccompProfile is not RuntimeDefault`);
    return problems;
  });
}

/** The tag of an image reference ('' when it has none; a digest counts as pinned). */
export function imageTag(image) {
  if (image.includes('@sha256:')) return image.slice(image.indexOf('@') + 1);
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.includes(':') ? last.slice(last.indexOf(':') + 1) : '';
}

export function pinnedImages(objects) {
  return containers(objects).flatMap(({ container, where }) => {
    const image = container.image ?? '';
    const tag = imageTag(image);
    if (image === '') return [`${where}: no image`];
    if (tag === '') return [`${where}: image ${image} has no tag`];
    if (tag === 'latest') return [`${where}: image ${image} uses latest`];
    return [];
  });
}

export function probes(objects) {
  return containers(objects)
    .filter(({ object, init }) => LONG_RUNNING_KINDS.has(object.kind) && !init)
    .flatMap(({ container, where }) =>
      ['livenessProbe', 'readinessProbe'].filter((p) => !container[p]).map((p) => `${where}: no ${p}`),
    );
}

const command = (container) => [...(container.command ?? []), ...(container.args ?? [])];
const runs = (container, ...words) => words.every((word, i) => command(container)[i] === word);

/**
 * Where the app runs (a Deployment whose container runs `serve`), its Pods wait for the schema
 * in an init container and a migration Job named for `version` (e.g. tmeit-migrate-0-1-0)
 * runs `migrate up` with the same image (or, in Tilt's dev loop, `migratorImage`: the same
 * Containerfile's backend-only stage).
 */
export function migrationsBeforeApp(objects, version, migratorImage = null) {
  const apps = containers(objects).filter(
    ({ object, init, container }) => object.kind === 'Deployment' && !init && runs(container, 'serve'),
  );
  if (apps.length === 0) return [];
  const jobName = `tmeit-migrate-${version.replaceAll('.', '-')}`;
  const problems = [];
  for (const { object, pod, container } of apps) {
    if (!(pod.initContainers ?? []).some((c) => runs(c, 'migrate', 'wait') && c.image === container.image)) {
      problems.push(`${objectName(object)}: no init container running \`migrate wait\` with the app's image`);
    }
    const job = objects.find((o) => o.kind === 'Job' && o.metadata?.name === jobName);
    const migrate = job && containers([job]).find(({ container: c }) => runs(c, 'migrate', 'up'));
    if (!migrate) problems.push(`${objectName(object)}: no Job ${jobName} running \`migrate up\``);
    else if (migrate.container.image !== container.image && migrate.container.image !== migratorImage) {
      problems.push(`Job/${jobName}: image ${migrate.container.image} is not the app's ${container.image}`);
    }
  }
  return problems;
}

/** Every required secretKeyRef/secretRef names a Secret or SealedSecret the overlay provides. */
export function secretsProvided(objects) {
  const provided = new Set(
    objects.filter((o) => o.kind === 'Secret' || o.kind === 'SealedSecret').map((o) => o.metadata?.name),
  );
  return containers(objects).flatMap(({ container, where }) => {
    const refs = [
      ...(container.env ?? []).map((e) => e.valueFrom?.secretKeyRef).filter(Boolean),
      ...(container.envFrom ?? []).map((e) => e.secretRef).filter(Boolean),
    ];
    return refs
      .filter((ref) => ref.optional !== true && !provided.has(ref.name))
      .map((ref) => `${where}: secret ${ref.name} is not in this overlay`);
  });
}

/** Plain Secrets would put values in git: only generated dev/test secrets may be plain. */
export function noPlainSecrets(objects) {
  return objects.filter((o) => o.kind === 'Secret').map((o) => `${objectName(o)}: a plain Secret (use a SealedSecret)`);
}

/**
 * CronJobs never overlap, skip a run missed for long, and keep a bounded history; each run is
 * bounded in time and in retries, so a hung or failing run ends and shows as a failed Job.
 */
export function cronJobsBounded(objects) {
  return objects
    .filter((o) => o.kind === 'CronJob')
    .flatMap((o) => {
      const spec = o.spec ?? {};
      const job = spec.jobTemplate?.spec ?? {};
      const problems = [];
      if (spec.concurrencyPolicy !== 'Forbid') problems.push(`${objectName(o)}: concurrencyPolicy is not Forbid`);
      if (!Number.isInteger(spec.startingDeadlineSeconds)) problems.push(`${objectName(o)}: no startingDeadlineSeconds`);
      for (const limit of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
        if (!Number.isInteger(spec[limit])) problems.push(`${objectName(o)}: no ${limit}`);
      }
      for (const limit of ['activeDeadlineSeconds', 'backoffLimit']) {
        if (!Number.isInteger(job[limit])) problems.push(`${objectName(o)}: no ${limit} in its jobTemplate`);
      }
      return problems;
    });
}

/** The Secret holding the backups' private age key. */
export const BACKUP_IDENTITY_SECRET = 'tmeit-backup-identity';

/**
 * The key that decrypts backups reaches no Pod but the restore drill's (docs/backups.md): not
 * the app, the worker nor the backup job, which only ever hold the public keys.
 */
export function backupKeyOnlyInDrill(objects) {
  return objects.flatMap((object) => {
    const pod = podSpec(object);
    if (!pod) return [];
    const component = (object.spec?.jobTemplate?.spec?.template ?? object.spec?.template ?? object)?.metadata?.labels?.[
      'app.kubernetes.io/component'
    ];
    const mounts = (pod.volumes ?? []).some((v) => v.secret?.secretName === BACKUP_IDENTITY_SECRET);
    const envs = [...(pod.initContainers ?? []), ...(pod.containers ?? [])].some((c) =>
      [
        ...(c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name),
        ...(c.envFrom ?? []).map((e) => e.secretRef?.name),
      ].includes(BACKUP_IDENTITY_SECRET),
    );
    return (mounts || envs) && component !== 'backup-drill'
      ? [`${objectName(object)}: holds ${BACKUP_IDENTITY_SECRET}, which only the restore drill may`]
      : [];
  });
}

/**
 * Only node-exporter (a DaemonSet in the namespace monitoring) may see the host: its network and
 * process namespaces and, read-only, hostPath volumes. Anything else that asks is a problem.
 */
export function hostAccess(objects) {
  return objects.flatMap((object) => {
    const pod = podSpec(object);
    if (!pod) return [];
    const allowed = object.kind === 'DaemonSet' && object.metadata?.name === 'node-exporter' &&
      object.metadata?.namespace === 'monitoring';
    const problems = [];
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
      if (pod[field] === true && !allowed) problems.push(`${objectName(object)}: ${field}`);
    }
    const hostVolumes = new Set((pod.volumes ?? []).filter((v) => v.hostPath).map((v) => v.name));
    if (hostVolumes.size > 0 && !allowed) problems.push(`${objectName(object)}: hostPath volume`);
    for (const { container, where } of containers([object])) {
      for (const mount of container.volumeMounts ?? []) {
        if (hostVolumes.has(mount.name) && mount.readOnly !== true) problems.push(`${where}: hostPath ${mount.name} is writable`);
      }
    }
    return problems;
  });
}

/** CPU (cores) and memory (bytes) requested by the containers of `objects` (one Pod each). */
export function requestedResources(objects) {
  const cpu = (q) => (String(q).endsWith('m') ? Number.parseFloat(q) / 1000 : Number.parseFloat(q));
  const units = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 };
  const bytes = (q) => {
    const [, number, unit] = /^([\d.]+)(Ki|Mi|Gi)?$/.exec(String(q));
    return Number.parseFloat(number) * (units[unit] ?? 1);
  };
  return containers(objects)
    .filter(({ init }) => !init)
    .reduce(
      (sum, { object, container }) => {
        const replicas = object.spec?.replicas ?? 1;
        return {
          cpu: sum.cpu + replicas * cpu(container.resources?.requests?.cpu ?? 0),
          memory: sum.memory + replicas * bytes(container.resources?.requests?.memory ?? 0),
        };
      },
      { cpu: 0, memory: 0 },
    );
}

/** The checks every overlay must pass, by name. */
export const POLICIES = {
  'requests and limits': requestsAndLimits,
  'non-root with a numeric uid': nonRoot,
  'hardened security context': hardened,
  'pinned image tags': pinnedImages,
  'liveness and readiness probes': probes,
  'referenced secrets exist': secretsProvided,
  'cron jobs bounded': cronJobsBounded,
  'backup key only in the drill': backupKeyOnlyInDrill,
  'no host access (node-exporter excepted)': hostAccess,
};
