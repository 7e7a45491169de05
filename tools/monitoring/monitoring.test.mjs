// The monitoring checks of ./scripts/test (suite "monitoring"): Prometheus' configuration and
// rules with promtool (and the rule unit tests), Alertmanager's with amtool (and where each alert
// is routed), every PromQL and LogQL expression with the grammars of Prometheus' and Grafana's
// editors, the dashboards' data sources, and that each check rejects a broken input.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KUBERNETES_SD_ROLES, kubernetesSdProblems, prometheusConfig, renderAlertmanagerConfig, run, writePromtoolConfig } from './configs.mjs';
import { logqlErrors, promqlErrors, substituteGrafanaVariables } from './queries.mjs';
import {
  LOKI_RULES, PROMETHEUS_RULES, PROMETHEUS_TESTS, REPO_ROOT, alertRules, at, dashboards, datasourceReferences,
  datasources, logqlExpressions, promqlExpressions,
} from './sources.mjs';
import { parse } from 'yaml';

const execFileAsync = promisify(execFile);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tmeit-monitoring-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const prometheusAlerts = alertRules(PROMETHEUS_RULES);
const lokiAlerts = alertRules(LOKI_RULES);
const allAlerts = [...prometheusAlerts, ...lokiAlerts];

// Test addresses only: the real ones are in a Secret.
const ALERTMANAGER_ENV = {
  ALERT_MASTERS: 'masters@example.org, kassor@example.org',
  ALERT_DEVELOPERS: 'developers@example.org',
  SMTP_SMARTHOST: 'smtp.example.org:587',
  SMTP_FROM: 'TMEIT alerts <alerts@example.org>',
  SMTP_USERNAME: 'alerts',
  SMTP_PASSWORD: 'not-a-real-password',
};

/** GitHub's anchor of a Markdown heading. */
const anchor = (heading) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
const runbookAnchors = new Set(
  readFileSync(path.join(REPO_ROOT, 'docs/runbooks.md'), 'utf8')
    .split('\n')
    .filter((line) => /^#{2,4} /.test(line))
    .map((line) => anchor(line.replace(/^#+ /, ''))),
);

describe('Prometheus', () => {
  test('promtool check config accepts prometheus.yml (its Kubernetes discovery swapped for files)', () => {
    const { status, output } = run('promtool', ['check', 'config', writePromtoolConfig(path.join(scratch, 'promtool'))]);
    assert.equal(status, 0, output);
    assert.match(output, /SUCCESS: 1 rule files found/);
  });
  test('every kubernetes_sd_configs entry uses known keys and roles', () => {
    assert.deepEqual(kubernetesSdProblems(), []);
    assert.ok(prometheusConfig().scrape_configs.some((job) => job.kubernetes_sd_configs), 'some job discovers Pods');
  });
  test('promtool check rules accepts the rules', () => {
    const { status, output } = run('promtool', ['check', 'rules', PROMETHEUS_RULES]);
    assert.equal(status, 0, output);
  });
  test('promtool test rules: every case passes', () => {
    const { status, output } = run('promtool', ['test', 'rules', PROMETHEUS_TESTS]);
    assert.equal(status, 0, output);
    assert.match(output, /SUCCESS/);
  });
  test('every alert has a case where it fires and one where it must not (Watchdog always fires)', () => {
    const evals = parse(readFileSync(PROMETHEUS_TESTS, 'utf8')).tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const { alert } of prometheusAlerts) {
      const mine = evals.filter((e) => e.alertname === alert);
      assert.ok(mine.some((e) => (e.exp_alerts ?? []).length > 0), `${alert}: no case where it fires`);
      if (alert !== 'Watchdog') {
        assert.ok(mine.some((e) => (e.exp_alerts ?? []).length === 0), `${alert}: no case where it must not fire`);
      }
    }
  });
});

describe('alerts', () => {
  for (const rule of allAlerts) {
    test(`${rule.alert}: a severity, a summary, a description and a runbook section`, () => {
      assert.ok(['critical', 'warning', 'none'].includes(rule.labels?.severity), `severity ${rule.labels?.severity}`);
      assert.ok(rule.annotations?.summary, 'no summary');
      assert.ok((rule.annotations?.description ?? '').length >= 40, 'no description saying what to do');
      const [file, section] = (rule.annotations?.runbook ?? '').split('#');
      assert.equal(file, 'docs/runbooks.md');
      assert.ok(runbookAnchors.has(section), `docs/runbooks.md has no section #${section}`);
    });
  }
  test('alert names are unique', () => {
    const names = allAlerts.map((r) => r.alert);
    assert.deepEqual(names, [...new Set(names)]);
  });
  test("every alert's dashboard link names a provisioned dashboard", () => {
    const uids = new Set(dashboards().map((d) => d.uid));
    for (const rule of allAlerts.filter((r) => r.annotations?.dashboard)) {
      const [, uid] = /^\/d\/([\w-]+)$/.exec(rule.annotations.dashboard) ?? [];
      assert.ok(uids.has(uid), `${rule.alert}: no dashboard ${rule.annotations.dashboard}`);
    }
  });
});

describe('Alertmanager', () => {
  const file = path.join(scratch, 'alertmanager.yml');
  const config = renderAlertmanagerConfig(file, ALERTMANAGER_ENV);

  test('amtool check-config accepts the rendered configuration and its templates', () => {
    const { status, output } = run('amtool', ['check-config', file]);
    assert.equal(status, 0, output);
    assert.match(output, /1 templates/);
  });
  test('the alert mails go to every master and developer of the Secret, resolved ones too', () => {
    const receiver = config.receivers.find((r) => r.name === 'masters-and-developers');
    assert.equal(receiver.email_configs.length, 1);
    assert.equal(receiver.email_configs[0].to, 'masters@example.org, kassor@example.org, developers@example.org');
    assert.equal(receiver.email_configs[0].send_resolved, true);
    assert.equal(config.global.smtp_auth_password, 'not-a-real-password');
  });
  test('every alert is routed to its receivers only (amtool config routes test)', async () => {
    // One amtool per alert, all at once: each takes most of a second to start.
    const outcomes = await Promise.all(
      allAlerts.map(async (rule) => {
        const labels = [`alertname=${rule.alert}`, `severity=${rule.labels.severity}`, 'namespace=tmeit'];
        const { stdout } = await execFileAsync('amtool', ['config', 'routes', 'test', `--config.file=${file}`, ...labels]);
        return [rule.alert, stdout.trim().split('\n').at(-1).trim()];
      }),
    );
    for (const [alert, receiver] of outcomes) {
      assert.equal(receiver, alert === 'Watchdog' ? 'monitor-health' : 'masters-and-developers', alert);
    }
    assert.equal(outcomes.length, allAlerts.length);
  });
  test('the Watchdog is sent every minute, so monitor-health sees it within its 10 minutes', () => {
    const watchdog = config.route.routes.find((r) => r.receiver === 'monitor-health');
    assert.equal(watchdog.repeat_interval, '1m');
    const hook = config.receivers.find((r) => r.name === 'monitor-health').webhook_configs[0];
    assert.equal(hook.url, 'http://monitor-health:8080/watchdog');
  });
  test('render-config.sh refuses a value that would leave its YAML string', () => {
    assert.throws(
      () => renderAlertmanagerConfig(path.join(scratch, 'bad.yml'), { ...ALERTMANAGER_ENV, ALERT_MASTERS: 'a@b.se", x' }),
      /ALERT_EMAIL_TO must not contain a double quote/,
    );
    assert.throws(() => renderAlertmanagerConfig(path.join(scratch, 'bad.yml'), { ...ALERTMANAGER_ENV, SMTP_REQUIRE_TLS: 'yes' }), /true or false/);
  });
  test('amtool rejects a broken configuration (the check can fail)', () => {
    const broken = path.join(scratch, 'broken.yml');
    renderAlertmanagerConfig(broken, { ...ALERTMANAGER_ENV, SMTP_SMARTHOST: 'no port' });
    assert.notEqual(run('amtool', ['check-config', broken]).status, 0);
  });
});

describe('queries', () => {
  for (const { where, expr } of promqlExpressions()) {
    test(`PromQL parses: ${where}`, () => assert.deepEqual(promqlErrors(substituteGrafanaVariables(expr)), []));
  }
  for (const { where, expr } of logqlExpressions()) {
    test(`LogQL parses: ${where}`, () => assert.deepEqual(logqlErrors(substituteGrafanaVariables(expr)), []));
  }
  test('the parsers reject broken expressions', () => {
    assert.notDeepEqual(promqlErrors('sum by (job) (rate(http_requests_total[5m])'), []);
    assert.notDeepEqual(logqlErrors('sum(count_over_time({app="tmeit" [5m]))'), []);
    assert.notDeepEqual(logqlErrors('{app="tmeit"} | json | level=='), []);
  });
  test('an unknown Grafana variable is refused, not silently parsed', () => {
    assert.throws(() => substituteGrafanaVariables('up{job="$nope"}'), /unknown Grafana variable/);
  });
});

describe('Grafana', () => {
  const known = new Map(datasources().map((d) => [d.uid, d.type]));
  test('the data sources Prometheus, Loki and Alertmanager are provisioned with fixed uids', () => {
    assert.deepEqual([...known.keys()].sort(), ['alertmanager', 'loki', 'prometheus']);
  });
  test('the dashboards the issue asks for exist, with unique uids', () => {
    const uids = dashboards().map((d) => d.uid);
    assert.deepEqual([...uids].sort(), ['tmeit-backups', 'tmeit-logs', 'tmeit-mail', 'tmeit-nodes', 'tmeit-site']);
  });
  for (const entry of dashboards()) {
    test(`${entry.uid}: every data source uid it uses exists, with its type`, () => {
      const references = datasourceReferences(entry);
      assert.ok(references.length > 0);
      for (const ref of references) {
        assert.ok(known.has(ref.uid), `${ref.where}: data source uid ${ref.uid} is not provisioned`);
        assert.equal(ref.type, known.get(ref.uid), `${ref.where}: type`);
      }
    });
  }
  test('a reference to an unknown uid is caught', () => {
    const [entry] = dashboards();
    const broken = structuredClone(entry);
    broken.dashboard.panels[0].datasource = { type: 'prometheus', uid: 'nope' };
    assert.ok(datasourceReferences(broken).some((ref) => !known.has(ref.uid)));
  });
  test('the logs dashboard filters by request id', () => {
    const logs = dashboards().find((d) => d.uid === 'tmeit-logs').dashboard;
    assert.ok(logs.templating.list.some((v) => v.name === 'request_id' && v.type === 'textbox'));
    assert.ok(logs.panels.some((p) => p.type === 'logs' && p.targets[0].expr.includes('$request_id')));
  });
});

describe('exporters and shippers', () => {
  test('the blackbox exporter accepts its modules', () => {
    const { status, output } = run('prometheus-blackbox-exporter', ['--config.check', `--config.file=${at('exporters/blackbox.yml')}`]);
    assert.equal(status, 0, output);
  });
  test("Alloy's pipeline names only components it defines", () => {
    const text = readFileSync(at('alloy/config.alloy'), 'utf8');
    const defined = new Set([...text.matchAll(/^([a-z_.]+) "(\w+)" \{/gm)].map((m) => `${m[1]}.${m[2]}`));
    const used = [...text.matchAll(/\b((?:discovery|loki)\.[a-z_.]+?)\.(\w+)\.(?:targets|output|receiver)\b/g)];
    assert.ok(used.length >= 4);
    for (const m of used) assert.ok(defined.has(`${m[1]}.${m[2]}`), `${m[0]} refers to an undefined component`);
    const code = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/gm, '');
    assert.equal(code.split('{').length, code.split('}').length, 'unbalanced braces');
  });
  test('Kubernetes discovery roles are the documented ones', () => {
    assert.ok(KUBERNETES_SD_ROLES.has('pod'));
    assert.deepEqual(kubernetesSdProblems({ scrape_configs: [{ job_name: 'x', kubernetes_sd_configs: [{ role: 'pods' }] }] }), ['x: unknown role pods']);
  });
});

describe('external uptime checker', () => {
  const defaultUrls = /UPTIME_URLS:-([^}]+)\}/.exec(readFileSync(path.join(REPO_ROOT, 'scripts/uptime-check'), 'utf8'))[1].split(' ');
  test('scripts/uptime-check watches the public health endpoint and monitor-health over HTTPS', () => {
    assert.deepEqual(defaultUrls, ['https://tmeit.se/health', 'https://status.tmeit.se/health']);
  });
  test('the workflow runs it on a schedule', () => {
    const workflow = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/uptime.yaml'), 'utf8'));
    assert.ok(workflow.on.schedule[0].cron);
    assert.ok(workflow.jobs.check.steps.some((step) => step.run === './scripts/uptime-check'));
  });
  test('the Gatus config checks the same URLs: status, body and 14 days of certificate, and mails', () => {
    const gatus = parse(readFileSync(path.join(REPO_ROOT, 'deploy/uptime/gatus.yaml'), 'utf8'));
    assert.deepEqual(gatus.endpoints.map((e) => e.url), defaultUrls);
    for (const endpoint of gatus.endpoints) {
      assert.ok(endpoint.conditions.includes('[STATUS] == 200'), endpoint.name);
      assert.ok(endpoint.conditions.includes('[CERTIFICATE_EXPIRATION] > 336h'), endpoint.name);
      assert.deepEqual(endpoint.alerts.map((a) => a.type), ['email']);
    }
    assert.equal(gatus.alerting.email['default-alert']['send-on-resolved'], true);
  });
});
