// Policies about how an overlay behaves on a real cluster (issue 16: deploy day), beside the
// per-container ones of policy.mjs. Each takes the objects of one overlay and returns readable
// problems; [] means it passes.
import { splitForDeploy, DEPLOY_ACCOUNT } from './deploy.mjs';
import { containers, podSpec } from './policy.mjs';
import { OTHER_REQUESTS, UPLOAD_REQUESTS, nginxBytes, routeRequest, uploadBodyBytes } from './ingress-routes.mjs';
import { objectName } from './render.mjs';

const command = (c) => [...(c.command ?? []), ...(c.args ?? [])];
const runs = (c, word) => command(c)[0] === word;
const env = (c, name) => (c.env ?? []).find((e) => e.name === name);
const configValue = (objects, key) =>
  objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('tmeit-config'))?.data?.[key];

/** Namespaces whose Pods get no ingress unless a policy allows it (a default deny). */
function denyingNamespaces(objects) {
  return new Set(
    objects
      .filter((o) => o.kind === 'NetworkPolicy' && Object.keys(o.spec?.podSelector ?? {}).length === 0)
      .filter((o) => (o.spec.policyTypes ?? []).includes('Ingress') && !(o.spec.ingress ?? []).length)
      .map((o) => o.metadata.namespace),
  );
}

/**
 * Where an Ingress asks cert-manager for a certificate and ingress is denied by default, the
 * HTTP-01 solver Pod (port 8089) must be reachable from the ingress controller.
 */
export function acmeSolverReachable(objects) {
  const denying = denyingNamespaces(objects);
  const certified = objects.filter(
    (o) => o.kind === 'Ingress' && Object.keys(o.metadata.annotations ?? {}).some((a) => a.startsWith('cert-manager.io/')),
  );
  return certified
    .filter((ingress) => denying.has(ingress.metadata.namespace))
    .filter((ingress) => !objects.some((o) =>
      o.kind === 'NetworkPolicy' && o.metadata.namespace === ingress.metadata.namespace &&
      o.spec?.podSelector?.matchLabels?.['acme.cert-manager.io/http01-solver'] === 'true' &&
      (o.spec.ingress ?? []).some((rule) => (rule.ports ?? []).some((p) => p.port === 8089))))
    .map((ingress) => `${objectName(ingress)} in ${ingress.metadata.namespace}: nothing lets the ingress controller reach cert-manager's HTTP-01 solver (port 8089)`);
}

/** The resource (group/plural) of each kind an overlay deploys. */
const RESOURCES = {
  ConfigMap: '/configmaps', Service: '/services', ServiceAccount: '/serviceaccounts', Secret: '/secrets',
  PersistentVolumeClaim: '/persistentvolumeclaims', Deployment: 'apps/deployments', StatefulSet: 'apps/statefulsets',
  DaemonSet: 'apps/daemonsets', Job: 'batch/jobs', CronJob: 'batch/cronjobs', PodDisruptionBudget: 'policy/poddisruptionbudgets',
  NetworkPolicy: 'networking.k8s.io/networkpolicies', Ingress: 'networking.k8s.io/ingresses', SealedSecret: 'bitnami.com/sealedsecrets',
};
const NEEDED_VERBS = ['get', 'list', 'create', 'patch', 'delete'];
const NEVER = ['secrets', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'];

/**
 * The deploy account (tmeit-deploy) can apply and prune everything CI deploys, namespace by
 * namespace, and has no wildcard, no Secrets, no RBAC and no escalation.
 */
export function deployAccountCanDeploy(objects) {
  const { byNamespace } = splitForDeploy(objects);
  const problems = [];
  const account = objects.find((o) => o.kind === 'ServiceAccount' && o.metadata.name === DEPLOY_ACCOUNT);
  if (!account) return [`no ServiceAccount ${DEPLOY_ACCOUNT}`];
  for (const [namespace, deployed] of byNamespace) {
    const role = objects.find((o) => o.kind === 'Role' && o.metadata.name === DEPLOY_ACCOUNT && o.metadata.namespace === namespace);
    const bound = objects.some((o) => o.kind === 'RoleBinding' && o.metadata.namespace === namespace &&
      o.roleRef?.kind === 'Role' && o.roleRef.name === DEPLOY_ACCOUNT &&
      (o.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === DEPLOY_ACCOUNT && s.namespace === account.metadata.namespace));
    if (!role || !bound) {
      problems.push(`${namespace}: no Role ${DEPLOY_ACCOUNT} bound to the deploy account`);
      continue;
    }
    const grants = (resource, verb) => role.rules.some((rule) => {
      const [group, plural] = resource.split('/');
      return (rule.apiGroups ?? []).includes(group) && (rule.resources ?? []).includes(plural) && (rule.verbs ?? []).includes(verb);
    });
    // The ApplySet's parent is a ConfigMap in each namespace.
    for (const kind of new Set(['ConfigMap', ...deployed.map((o) => o.kind)])) {
      const resource = RESOURCES[kind];
      if (!resource) {
        problems.push(`${namespace}: no resource name known for kind ${kind} (add it to RESOURCES)`);
        continue;
      }
      const missing = NEEDED_VERBS.filter((verb) => !grants(resource, verb));
      if (missing.length) problems.push(`${namespace}: Role ${DEPLOY_ACCOUNT} cannot ${missing.join(', ')} ${resource}`);
    }
    for (const rule of role.rules) {
      const all = [...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...(rule.verbs ?? [])];
      if (all.includes('*')) problems.push(`${namespace}: Role ${DEPLOY_ACCOUNT} has a wildcard`);
      for (const bad of ['escalate', 'bind', 'impersonate']) if ((rule.verbs ?? []).includes(bad)) problems.push(`${namespace}: Role ${DEPLOY_ACCOUNT} may ${bad}`);
      for (const bad of NEVER) if ((rule.resources ?? []).includes(bad)) problems.push(`${namespace}: Role ${DEPLOY_ACCOUNT} may touch ${bad}`);
    }
  }
  return problems;
}

/** A StatefulSet's containers with a liveness probe have a startup probe (room for recovery). */
export function startupProbes(objects) {
  return containers(objects.filter((o) => o.kind === 'StatefulSet'))
    .filter(({ init, container }) => !init && container.livenessProbe && !container.startupProbe)
    .map(({ where }) => `${where}: a liveness probe without a startup probe kills it during recovery`);
}

/** A StatefulSet's serviceName names a headless Service (clusterIP: None) of the overlay. */
export function headlessGoverningServices(objects) {
  return objects
    .filter((o) => o.kind === 'StatefulSet')
    .flatMap((set) => {
      const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === set.spec.serviceName && o.metadata.namespace === set.metadata.namespace);
      if (!service) return [`${objectName(set)}: no Service ${set.spec.serviceName}`];
      return service.spec.clusterIP === 'None' ? [] : [`${objectName(set)}: Service ${service.metadata.name} is not headless`];
    });
}

/**
 * /metrics is not public: the app (`serve`) has a `metrics` port apart from its HTTP port and
 * TMEIT_METRICS_PORT says so; no Service an Ingress routes to exposes that port.
 */
export function metricsNotPublic(objects) {
  const problems = [];
  const apps = containers(objects).filter(({ init, container }) => !init && runs(container, 'serve'));
  for (const { where, container } of apps) {
    const metrics = (container.ports ?? []).find((p) => p.name === 'metrics');
    const http = (container.ports ?? []).find((p) => p.name === 'http');
    if (!metrics) problems.push(`${where}: no port named metrics`);
    else if (http && metrics.containerPort === http.containerPort) problems.push(`${where}: metrics on the HTTP port`);
    else if (env(container, 'TMEIT_METRICS_PORT')?.value !== String(metrics.containerPort)) {
      problems.push(`${where}: TMEIT_METRICS_PORT is not ${metrics.containerPort}`);
    }
  }
  const routed = objects
    .filter((o) => o.kind === 'Ingress')
    .flatMap((ingress) => (ingress.spec.rules ?? []).flatMap((rule) => (rule.http?.paths ?? []).map((p) => ({ ingress, service: p.backend.service }))));
  for (const { ingress, service } of routed) {
    const target = objects.find((o) => o.kind === 'Service' && o.metadata.name === service.name && o.metadata.namespace === ingress.metadata.namespace);
    for (const port of target?.spec.ports ?? []) {
      const metricsPorts = containers(objects)
        .filter(({ object }) => object.metadata.namespace === target.metadata.namespace && Object.entries(target.spec.selector ?? {}).every(([k, v]) => podLabels(object)[k] === v))
        .flatMap(({ container }) => (container.ports ?? []).filter((p) => p.name === 'metrics'));
      if (port.name === 'metrics' || metricsPorts.some((p) => p.name === port.targetPort || p.containerPort === port.targetPort)) {
        problems.push(`${objectName(ingress)} routes to ${objectName(target)} port ${port.name}: the metrics port is public`);
      }
    }
  }
  return problems;
}

const podLabels = (object) => (object.kind === 'CronJob' ? object.spec.jobTemplate.spec.template.metadata?.labels : object.spec?.template?.metadata?.labels) ?? {};

/** The app's I/O threads follow its CPU limit, not the node's cores. */
export function ioThreadsFromCpuLimit(objects) {
  return containers(objects)
    .filter(({ init, container }) => !init && runs(container, 'serve'))
    .filter(({ container }) => env(container, 'TMEIT_IO_THREADS')?.valueFrom?.resourceFieldRef?.resource !== 'limits.cpu')
    .map(({ where }) => `${where}: TMEIT_IO_THREADS does not come from limits.cpu`);
}

/** The mailer gives up on a send after 30 s (clients/smtp_mailer.hpp); SIGKILL must come later. */
export const SMTP_SEND_TIMEOUT_SECONDS = 30;
export function workerOutlivesItsSend(objects) {
  return containers(objects)
    .filter(({ init, container, object }) => !init && object.kind === 'Deployment' && runs(container, 'worker'))
    .filter(({ pod }) => (pod.terminationGracePeriodSeconds ?? 30) <= SMTP_SEND_TIMEOUT_SECONDS + 5)
    .map(({ object }) => `${objectName(object)}: terminationGracePeriodSeconds is not above the ${SMTP_SEND_TIMEOUT_SECONDS} s SMTP send timeout`);
}

/** TMEIT_SMTP_URL names a server that exists: never loopback in a Pod; a Service of the overlay when it is a short name. */
export function smtpServerExists(objects) {
  const url = configValue(objects, 'TMEIT_SMTP_URL');
  if (!url) return [];
  const host = new URL(url.replace(/^smtps?:/, 'http:')).hostname;
  if (['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) return [`TMEIT_SMTP_URL ${url}: nothing listens on loopback in the worker's Pod`];
  if (!host.includes('.') && !objects.some((o) => o.kind === 'Service' && o.metadata.name === host)) {
    return [`TMEIT_SMTP_URL ${url}: no Service ${host} in this overlay`];
  }
  return [];
}

/**
 * The ingress refuses exactly what the app refuses: every request to the app meets a
 * proxy-body-size equal to the app's limit for its route, TMEIT_MAX_BODY_BYTES or, on the photo
 * upload routes, the upload limit (http/multipart.hpp), routed the way ingress-nginx routes.
 */
export function ingressBodySizeMatchesApp(objects, uploadLimit = uploadBodyBytes()) {
  const limit = Number(configValue(objects, 'TMEIT_MAX_BODY_BYTES') ?? 1048576);
  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  const hosts = new Set(ingresses.flatMap((o) => (o.spec.rules ?? [])
    .filter((r) => (r.http?.paths ?? []).some((p) => p.backend.service?.name === 'tmeit-app')).map((r) => r.host ?? '')));
  const problems = new Set();
  for (const host of hosts) {
    for (const [uris, wanted] of [[UPLOAD_REQUESTS, uploadLimit], [OTHER_REQUESTS, limit]]) {
      for (const uri of uris) {
        const route = routeRequest(ingresses, host, uri);
        if (!route || route.path.backend.service?.name !== 'tmeit-app') continue;
        const size = route.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'] ?? '1m';
        if (nginxBytes(size) !== wanted) problems.add(`${objectName(route.ingress)}: proxy-body-size is not the app's ${wanted} bytes for ${uri} on ${host}`);
      }
    }
  }
  return [...problems];
}

/** Two or more replicas are spread across nodes (where there are several). */
export function replicasSpread(objects) {
  return objects
    .filter((o) => o.kind === 'Deployment' && (o.spec.replicas ?? 1) >= 2)
    .filter((o) => {
      const pod = podSpec(o);
      const spread = (pod.topologySpreadConstraints ?? []).some((c) => c.topologyKey === 'kubernetes.io/hostname');
      const anti = [...(pod.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => t.podAffinityTerm),
        ...(pod.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])].some((t) => t?.topologyKey === 'kubernetes.io/hostname');
      return !spread && !anti;
    })
    .map((o) => `${objectName(o)}: ${o.spec.replicas} replicas but nothing spreads them across nodes`);
}

/** The deploy-day checks every overlay must pass, by name. */
export const DEPLOY_POLICIES = {
  'cert-manager HTTP-01 solver reachable': acmeSolverReachable,
  'StatefulSets have startup probes': startupProbes,
  'StatefulSets have headless governing Services': headlessGoverningServices,
  'metrics not on the public port': metricsNotPublic,
  'I/O threads follow the CPU limit': ioThreadsFromCpuLimit,
  'worker outlives its SMTP send': workerOutlivesItsSend,
  'SMTP server exists': smtpServerExists,
  'ingress body size matches the app': ingressBodySizeMatchesApp,
  'replicas spread across nodes': replicasSpread,
};
