// The manifest checks of ./scripts/test (suite "manifests"): every Kustomize directory renders,
// validates strictly against the Kubernetes schemas and passes the policies; and the checks
// themselves reject bad manifests, so they cannot pass by accident.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KUSTOMIZE_ROOT, OVERLAYS, PLAIN_SECRETS_ALLOWED, checkDirectory, policyProblems, releaseVersion, schemaProblems } from './checks.mjs';
import { POLICIES, migrationsBeforeApp, noPlainSecrets } from './policy.mjs';
import { renderOverlay } from './render.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const VERSION = releaseVersion();
const rendered = new Map();
const render = (name) => {
  if (!rendered.has(name)) rendered.set(name, renderOverlay(path.join(KUSTOMIZE_ROOT, name)));
  return structuredClone(rendered.get(name));
};
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
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
    const options = { version: VERSION, plainSecretsAllowed: PLAIN_SECRETS_ALLOWED.has(name) };
    for (const check of [...Object.keys(POLICIES), 'migrations before the app']) {
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
  for (const name of ['test', 'prod']) {
    test(`${name} runs the release image ${VERSION}`, () => {
      assert.match(appContainer(render(name)).image, new RegExp(`^ghcr\\.io/[^/]+/tmeit:${VERSION.replaceAll('.', '\\.')}$`));
    });
  }
});

// Each negative test breaks one thing in a good overlay and expects exactly that check to fail.
describe('the checks reject bad manifests', () => {
  const failing = (objects, check, plainSecretsAllowed = false) =>
    messages(policyProblems(objects, { version: VERSION, plainSecretsAllowed }).filter((p) => p.check === check));

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
  test('an overlay that does not render', () => {
    assert.throws(() => renderOverlay(path.join(HERE, 'fixtures/broken-overlay')), /no-such-file/);
  });
});
