// Photo storage in the manifests (issue 14, suite "manifests"): every overlay gives the app object
// storage and a nightly sweep of it, prod with Hetzner's S3 API, its keys sealed and required,
// and an Ingress that lets 15 MB uploads through; and the checks reject manifests that break it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { policyProblems, releaseVersion } from './checks.mjs';
import { nginxBytes, routeRequest, uploadBodyBytes } from './ingress-routes.mjs';
import { flowAllowed, pods, selectorMatches } from './network-flows.mjs';
import { containerEnv } from './storage-policy.mjs';
import { find, render } from './test-overlays.mjs';

const VERSION = releaseVersion();
const app = (objects) => find(objects, 'Deployment', 'tmeit-app').spec.template.spec.containers[0];
const sweepCronJob = (objects) => find(objects, 'CronJob', 'tmeit-storage-sweep');
const sweep = (objects) => sweepCronJob(objects).spec.jobTemplate.spec.template.spec.containers[0];
const config = (objects) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('tmeit-config-'));
const envOf = (objects, container) => containerEnv(objects, container, find(objects, 'Deployment', 'tmeit-app').metadata.namespace);
const failing = (objects, check) =>
  policyProblems(objects, { version: VERSION, plainSecretsAllowed: true }).filter((p) => p.check === check).map((p) => p.message).join('\n');

describe('photo storage in the overlays', () => {
  test('prod keeps photos in Hetzner Object Storage, path style, with both keys from tmeit-object-storage', () => {
    const objects = render('prod');
    const env = envOf(objects, app(objects));
    assert.equal(env.TMEIT_STORAGE_BACKEND.value, 's3');
    assert.equal(env.TMEIT_S3_ENDPOINT.value, 'https://fsn1.your-objectstorage.com');
    assert.equal(env.TMEIT_S3_REGION.value, 'fsn1');
    assert.equal(env.TMEIT_S3_BUCKET.value, 'tmeit-prod');
    assert.equal(env.TMEIT_S3_PATH_STYLE.value, 'true');
    assert.deepEqual(env.TMEIT_S3_ACCESS_KEY_ID.secretKeyRef, { name: 'tmeit-object-storage', key: 'access-key-id' });
    assert.deepEqual(env.TMEIT_S3_SECRET_ACCESS_KEY.secretKeyRef, { name: 'tmeit-object-storage', key: 'secret-access-key' });
  });
  test('prod seals tmeit-object-storage, and git holds placeholders only', () => {
    const sealed = find(render('prod'), 'SealedSecret', 'tmeit-object-storage');
    assert.deepEqual(Object.keys(sealed.spec.encryptedData).sort(), ['access-key-id', 'secret-access-key']);
    for (const value of Object.values(sealed.spec.encryptedData)) assert.equal(value, 'PLACEHOLDER-generate-with-kubeseal');
  });
  for (const name of ['dev', 'test']) {
    test(`${name} keeps photos in its local MinIO, in a bucket the setup Job creates`, () => {
      const objects = render(name);
      const env = envOf(objects, app(objects));
      assert.equal(env.TMEIT_STORAGE_BACKEND.value, 's3');
      assert.equal(env.TMEIT_S3_ENDPOINT.value, 'http://tmeit-s3:9000');
      assert.equal(env.TMEIT_S3_BUCKET.value, 'tmeit-test-photos');
      assert.ok(objects.some((o) => o.kind === 'Secret' && o.metadata.name.startsWith('tmeit-object-storage-')));
      assert.match(find(objects, 'Job', 'tmeit-s3-bucket').spec.template.spec.containers[0].args[0], /mb --ignore-existing local\/tmeit-test-photos/);
    });
  }
  for (const name of ['dev', 'test', 'prod']) {
    test(`${name}: the storage sweep runs nightly at 02:52 UTC with the app's image, settings and keys`, () => {
      const objects = render(name);
      const cronJob = sweepCronJob(objects);
      assert.equal(cronJob.spec.schedule, '52 2 * * *');
      assert.equal(cronJob.spec.timeZone, 'Etc/UTC');
      assert.deepEqual(sweep(objects).args, ['storage', 'sweep']);
      assert.equal(sweep(objects).image, app(objects).image);
      const env = envOf(objects, sweep(objects));
      assert.equal(env.TMEIT_STORAGE_BACKEND.value, 's3');
      // dev's and test's Secrets are generated, with a hash suffix.
      assert.match(env.TMEIT_S3_SECRET_ACCESS_KEY.secretKeyRef.name, /^tmeit-object-storage(-[a-z0-9]{10})?$/);
      assert.equal(env.TMEIT_S3_SECRET_ACCESS_KEY.secretKeyRef.key, 'secret-access-key');
      assert.match(env.PGPASSWORD.secretKeyRef.name, /^tmeit-postgres(-[a-z0-9]{10})?$/);
    });
  }
  test('the sweep (02:52) runs between the prune (:37) and the next backup (:07), before the drill (04:17)', () => {
    const objects = render('prod');
    assert.equal(sweepCronJob(objects).spec.schedule, '52 2 * * *');
    assert.equal(find(objects, 'CronJob', 'tmeit-backup').spec.schedule, '7 * * * *');
    assert.equal(find(objects, 'CronJob', 'tmeit-backup-prune').spec.schedule, '37 * * * *');
    assert.equal(find(objects, 'CronJob', 'tmeit-backup-drill').spec.schedule, '17 4 * * 1');
  });
  test('the sweep is hardened and bounded like the backup jobs', () => {
    const job = sweepCronJob(render('prod')).spec;
    assert.equal(job.concurrencyPolicy, 'Forbid');
    assert.equal(job.jobTemplate.spec.backoffLimit, 1);
    assert.equal(job.jobTemplate.spec.activeDeadlineSeconds, 1800);
    assert.equal(job.jobTemplate.spec.ttlSecondsAfterFinished, 259200);
    const pod = job.jobTemplate.spec.template.spec;
    assert.equal(pod.automountServiceAccountToken, false);
    assert.deepEqual(pod.securityContext, { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } });
    assert.deepEqual(pod.containers[0].securityContext,
      { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
  });
  test('prod: uploads meet 15424k at the ingress, everything else the 1m of the app', () => {
    const ingresses = render('prod').filter((o) => o.kind === 'Ingress');
    const size = (uri) => routeRequest(ingresses, 'tmeit.se', uri).ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'];
    assert.equal(size('/api/v1/members/k3x9q2/photos'), '15424k');
    assert.equal(size('/api/v1/events/0b9f6a52-6f0e-4a8e-9d61-3c1e2f4a5b6c/banner'), '15424k');
    assert.equal(size('/api/v1/members/k3x9q2/photos/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'), '1m');
    assert.equal(size('/api/v1/members/k3x9q2'), '1m');
    assert.equal(size('/'), '1m');
  });
});

describe('the helpers the storage checks stand on', () => {
  test("the app's upload limit is 15 MiB and 64 KiB, which nginx writes 15424k", () => {
    assert.equal(uploadBodyBytes(), 15794176);
    assert.equal(nginxBytes('15424k'), 15794176);
    assert.equal(nginxBytes('1m'), 1048576);
    assert.ok(Number.isNaN(nginxBytes('15 MB')));
  });
  test('ingress routing: longest prefix without regex, longest regex first with it, on every Ingress of the host', () => {
    const ingress = (name, paths, regex = false) => ({ kind: 'Ingress', metadata: { name, annotations: regex ? { 'nginx.ingress.kubernetes.io/use-regex': 'true' } : {} },
      spec: { rules: [{ host: 'h', http: { paths: paths.map(([p, pathType]) => ({ path: p, pathType, backend: { service: { name } } })) } }] } });
    const plain = [ingress('root', [['/', 'Prefix']]), ingress('api', [['/api', 'Prefix'], ['/api/x', 'Exact']])];
    assert.equal(routeRequest(plain, 'h', '/api/v1').ingress.metadata.name, 'api');
    assert.equal(routeRequest(plain, 'h', '/apiary').ingress.metadata.name, 'root');
    assert.equal(routeRequest(plain, 'h', '/api/x').path.pathType, 'Exact');
    assert.equal(routeRequest(plain, 'other', '/'), null);
    const regex = [...plain, ingress('up', [['/api/[^/]+/up$', 'ImplementationSpecific']], true)];
    assert.equal(routeRequest(regex, 'h', '/API/v1/up').ingress.metadata.name, 'up');
    assert.equal(routeRequest(regex, 'h', '/api/v1/up/more').ingress.metadata.name, 'api');
    // With regex on, a prefix no longer stops at a segment boundary.
    assert.equal(routeRequest(regex, 'h', '/apiary').ingress.metadata.name, 'api');
  });
  test('label selectors: matchLabels and every operator', () => {
    const labels = { a: '1', b: '2' };
    assert.ok(selectorMatches({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'In', values: ['2', '3'] }] }, labels));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'b', operator: 'NotIn', values: ['2'] }] }, labels));
    assert.ok(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'c', operator: 'DoesNotExist' }] }, labels));
    assert.ok(selectorMatches({}, labels));
  });
  test('network flows: an isolated Pod needs an allowance on both ends; policyTypes defaults to Ingress', () => {
    const pod = (name) => ({ kind: 'Pod', metadata: { name, namespace: 'n', labels: { app: name } }, spec: { containers: [{ name, ports: [{ name: 'db', containerPort: 5432 }] }] } });
    const policy = (name, spec) => ({ kind: 'NetworkPolicy', metadata: { name, namespace: 'n' }, spec });
    const objects = [pod('client'), pod('db')];
    const [client, db] = pods(objects);
    assert.ok(flowAllowed(objects, client, db, 5432), 'nothing isolated');
    objects.push(policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
    assert.ok(!flowAllowed(objects, client, db, 5432));
    objects.push(policy('out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] }));
    assert.ok(!flowAllowed(objects, client, db, 5432), 'egress alone');
    objects.push(policy('in', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 'db' }] }] }));
    assert.ok(flowAllowed(objects, client, db, 5432));
    assert.ok(!flowAllowed(objects, client, db, 5433), 'another port');
    assert.ok(!flowAllowed(objects, client, 'outside', 443));
  });
});

// Each breaks one thing in a good overlay and expects exactly that check to name it.
describe('the storage checks reject bad manifests', () => {
  test('photos without storage, or with the keys optional or in plain text', () => {
    const none = render('prod');
    config(none).data.TMEIT_STORAGE_BACKEND = 'none';
    assert.match(failing(none, 'photo storage configured'), /Deployment\/tmeit-app container app: TMEIT_STORAGE_BACKEND is none/);
    const unset = render('prod');
    delete config(unset).data.TMEIT_STORAGE_BACKEND;
    assert.match(failing(unset, 'photo storage configured'), /TMEIT_STORAGE_BACKEND is none/);
    const optional = render('prod');
    app(optional).env.find((e) => e.name === 'TMEIT_S3_SECRET_ACCESS_KEY').valueFrom.secretKeyRef.optional = true;
    assert.match(failing(optional, 'photo storage configured'), /TMEIT_S3_SECRET_ACCESS_KEY is optional/);
    const plain = render('prod');
    app(plain).env.find((e) => e.name === 'TMEIT_S3_ACCESS_KEY_ID').valueFrom = undefined;
    assert.match(failing(plain, 'photo storage configured'), /TMEIT_S3_ACCESS_KEY_ID does not come from a Secret/);
    const noBucket = render('prod');
    delete config(noBucket).data.TMEIT_S3_BUCKET;
    assert.match(failing(noBucket, 'photo storage configured'), /TMEIT_STORAGE_BACKEND=s3 without TMEIT_S3_BUCKET/);
  });
  test('the folder backend on the read-only root filesystem, and a sweep that cannot see the folder', () => {
    const objects = render('test');
    Object.assign(config(objects).data, { TMEIT_STORAGE_BACKEND: 'folder', TMEIT_STORAGE_DIR: '/var/lib/tmeit/photos' });
    assert.match(failing(objects, 'photo storage configured'), /TMEIT_STORAGE_DIR \/var\/lib\/tmeit\/photos is on no writable volume/);
    assert.match(failing(objects, 'storage sweep beside the app'), /the folder backend keeps photos in the app's Pod/);
    config(objects).data.TMEIT_STORAGE_DIR = '/tmp/photos';
    assert.equal(failing(objects, 'photo storage configured'), '');
  });
  test('no sweep, a sweep of another bucket or image, a sweep without its deadline', () => {
    const missing = render('prod').filter((o) => o.metadata?.name !== 'tmeit-storage-sweep');
    assert.match(failing(missing, 'storage sweep beside the app'), /no CronJob runs `storage sweep` in tmeit/);
    const other = render('prod');
    sweep(other).env.push({ name: 'TMEIT_S3_BUCKET', value: 'tmeit-prod-backups' });
    sweep(other).image = 'ghcr.io/tmeit/tmeit:0.1.0';
    const text = failing(other, 'storage sweep beside the app');
    assert.match(text, /container sweep: TMEIT_S3_BUCKET is not the app's \('tmeit-prod-backups' against 'tmeit-prod'\)/);
    assert.match(text, /container sweep: image ghcr.io\/tmeit\/tmeit:0.1.0 is not the app's/);
    const unbounded = render('prod');
    delete sweepCronJob(unbounded).spec.jobTemplate.spec.activeDeadlineSeconds;
    delete sweepCronJob(unbounded).spec.jobTemplate.spec.backoffLimit;
    const bounded = failing(unbounded, 'cron jobs bounded');
    assert.match(bounded, /CronJob\/tmeit-storage-sweep: no activeDeadlineSeconds in its jobTemplate/);
    assert.match(bounded, /CronJob\/tmeit-storage-sweep: no backoffLimit in its jobTemplate/);
  });
  test('a sweep that may write its root filesystem or run as root', () => {
    const objects = render('prod');
    sweep(objects).securityContext.readOnlyRootFilesystem = false;
    sweepCronJob(objects).spec.jobTemplate.spec.template.spec.securityContext.runAsUser = 0;
    assert.match(failing(objects, 'hardened security context'), /CronJob\/tmeit-storage-sweep container sweep: readOnlyRootFilesystem is not true/);
    assert.match(failing(objects, 'non-root with a numeric uid'), /CronJob\/tmeit-storage-sweep container sweep: no numeric non-zero runAsUser/);
  });
  test('network policies that keep the app or the sweep from object storage, or the sweep from PostgreSQL', () => {
    const prod = render('prod').filter((o) => !['app-object-storage-out', 'postgres-from-storage-sweep'].includes(o.metadata?.name));
    const text = failing(prod, 'photo storage reachable');
    assert.match(text, /Deployment\/tmeit-app container app: cannot reach object storage fsn1.your-objectstorage.com:443: no egress/);
    assert.match(text, /CronJob\/tmeit-storage-sweep container sweep: cannot reach PostgreSQL tmeit-postgres: the network policies keep it/);
    const test = render('test');
    find(test, 'NetworkPolicy', 's3-from-workloads').spec.ingress[0].from[0].podSelector.matchExpressions[0].values = ['backup'];
    assert.match(failing(test, 'photo storage reachable'), /CronJob\/tmeit-storage-sweep container sweep: cannot reach object storage tmeit-s3:9000/);
  });
  test('prod without the uploads Ingress, or with its limit off by a byte', () => {
    const missing = render('prod').filter((o) => o.metadata?.name !== 'tmeit-uploads');
    assert.match(failing(missing, 'ingress body size matches the app'),
      /Ingress\/tmeit: proxy-body-size is not the app's 15794176 bytes for \/api\/v1\/members\/k3x9q2\/photos on tmeit.se/);
    const off = render('prod');
    find(off, 'Ingress', 'tmeit-uploads').metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'] = '15794175';
    assert.match(failing(off, 'ingress body size matches the app'), /Ingress\/tmeit-uploads: proxy-body-size is not the app's 15794176 bytes/);
  });
});
