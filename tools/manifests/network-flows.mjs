// Whether the NetworkPolicies of an overlay let one Pod reach another (or an address outside the
// cluster) on a TCP port, as a cluster enforcing them would decide: a Pod no policy of a type
// selects is not isolated for it; an isolated Pod accepts what any policy selecting it allows.
// Enough of the API for our policies: pod and namespace selectors, ipBlock (counted as outside
// the cluster), numbered and named ports, endPort.
import { podSpec } from './policy.mjs';

/** True when LABELS satisfy a LabelSelector (matchLabels and matchExpressions). */
export function selectorMatches(selector, labels = {}) {
  if (!selector) return false;
  const plain = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return plain && (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return values.includes(labels[key]);
    if (operator === 'NotIn') return !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    return false;
  });
}

/** The labels of a workload's Pods (its template's), or a Pod's own. */
export function podLabels(object) {
  if (object.kind === 'Pod') return object.metadata?.labels ?? {};
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  return object.spec?.template?.metadata?.labels ?? {};
}

/** { namespace, labels, ports } of every workload's Pods; ports maps names to numbers. */
export function pods(objects) {
  return objects.filter((o) => podSpec(o)).map((object) => ({
    object,
    namespace: object.metadata?.namespace,
    labels: podLabels(object),
    ports: Object.fromEntries(podSpec(object).containers.flatMap((c) => c.ports ?? []).filter((p) => p.name).map((p) => [p.name, p.containerPort])),
  }));
}

const namespaceLabels = (objects, name) => ({
  'kubernetes.io/metadata.name': name,
  ...(objects.find((o) => o.kind === 'Namespace' && o.metadata.name === name)?.metadata.labels ?? {}),
});

/** Whether a policy peer (from/to entry) is POD; `outside` stands for an address outside. */
function peerMatches(objects, policy, peer, pod) {
  if (pod === 'outside') return Boolean(peer.ipBlock);
  if (peer.ipBlock) return false;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(objects, pod.namespace))
    : pod.namespace === policy.metadata.namespace;
  return namespaceOk && (!peer.podSelector || selectorMatches(peer.podSelector, pod.labels));
}

/** Whether a rule's ports admit PORT (a number) on TARGET (whose named ports it may use). */
function portMatches(rule, port, target) {
  if (!rule.ports?.length) return true;
  return rule.ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== 'TCP') return false;
    if (p.port === undefined) return true;
    const number = typeof p.port === 'string' ? target?.ports?.[p.port] : p.port;
    return number === port || (p.endPort !== undefined && port >= number && port <= p.endPort);
  });
}

/** Whether the policies of TYPE that select POD allow a flow whose far end is PEER on PORT. */
function allowedBy(objects, type, pod, peer, port, target) {
  const field = type === 'Ingress' ? 'ingress' : 'egress';
  const side = type === 'Ingress' ? 'from' : 'to';
  // Without policyTypes a policy is of type Ingress, and of type Egress too when it has egress rules.
  const types = (o) => o.spec.policyTypes ?? ['Ingress', ...(o.spec.egress ? ['Egress'] : [])];
  const selecting = objects.filter((o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === pod.namespace &&
    types(o).includes(type) && selectorMatches({ matchLabels: {}, ...o.spec.podSelector }, pod.labels));
  if (selecting.length === 0) return true;
  return selecting.some((policy) => (policy.spec[field] ?? []).some((rule) =>
    portMatches(rule, port, target) && (!rule[side]?.length || rule[side].some((p) => peerMatches(objects, policy, p, peer)))));
}

/** Whether FROM may open a TCP connection to TO (a pod of pods(), or 'outside') on PORT. */
export function flowAllowed(objects, from, to, port) {
  if (!allowedBy(objects, 'Egress', from, to, port, to === 'outside' ? null : to)) return false;
  return to === 'outside' || allowedBy(objects, 'Ingress', to, from, port, to);
}

/**
 * Whether FROM reaches HOST:PORT: a Service of the overlay (`name`, `name.namespace`,
 * `name.namespace.svc...`) through one of the Pods it selects, or else an address outside.
 * Returns a reason when it does not, null when it does.
 */
export function reaches(objects, from, host, port) {
  const [name, namespace = from.namespace] = host.split('.');
  const inCluster = !host.includes('.') || host.split('.')[2] === 'svc';
  if (!inCluster) return flowAllowed(objects, from, 'outside', port) ? null : `no egress to ${host}:${port} outside the cluster`;
  const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === namespace);
  if (!service) return `no Service ${name} in ${namespace}`;
  const servicePort = (service.spec.ports ?? []).find((p) => p.port === port);
  if (!servicePort) return `Service ${name} has no port ${port}`;
  const targets = pods(objects).filter((p) => p.namespace === namespace && Object.keys(service.spec.selector ?? {}).length > 0 &&
    Object.entries(service.spec.selector).every(([k, v]) => p.labels[k] === v));
  if (targets.length === 0) return `Service ${name} selects no Pod`;
  const targetPort = (pod) => {
    const t = servicePort.targetPort ?? port;
    return typeof t === 'string' ? pod.ports[t] : t;
  };
  return targets.some((pod) => flowAllowed(objects, from, pod, targetPort(pod)))
    ? null
    : `the network policies keep it from Service ${name} (port ${port})`;
}
