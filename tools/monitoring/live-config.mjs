// node tools/monitoring/live-config.mjs DIR: writes the configuration of the live alert test
// (scripts/test-alerts) into DIR, made from the production files with short intervals:
//   DIR/prometheus.yml   scrapes the app, the worker and monitor-health every second (static
//                        targets: this machine has no Kubernetes), evaluates every second
//   DIR/rules.yaml       the production TmeitHTTP5xx and Watchdog rules, their `for` cut to 2 s
//                        and their ranges to 10 s
//   DIR/alertmanager.yml rendered by the production render-config.sh, routing as in production,
//                        the email group waits cut to 1 s / 5 s, the Watchdog hook pointed at
//                        monitor-health
// The addresses come from the environment (LIVE_APP, LIVE_WORKER, LIVE_MONITOR_HEALTH,
// LIVE_ALERTMANAGER: host:port; LIVE_SMTP: host:port of the test SMTP server; LIVE_MASTERS,
// LIVE_DEVELOPERS: the addresses the mail must reach).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { renderAlertmanagerConfig } from './configs.mjs';
import { PROMETHEUS_RULES } from './sources.mjs';

export const LIVE_ALERTS = ['TmeitHTTP5xx', 'Watchdog'];
export const LIVE_NAMESPACE = 'tmeit-live';

const need = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** The production rule, faster: `for` 2 s, every range 10 s. */
function quicken(rule) {
  const quick = { ...rule, expr: rule.expr.replace(/\[\d+[smhd]\]/g, '[10s]') };
  if (quick.for) quick.for = '2s';
  return quick;
}

function writeRules(dir) {
  const production = parse(readFileSync(PROMETHEUS_RULES, 'utf8'));
  const rules = production.groups.flatMap((g) => g.rules).filter((r) => LIVE_ALERTS.includes(r.alert));
  if (rules.length !== LIVE_ALERTS.length) throw new Error(`missing production rules: ${LIVE_ALERTS}`);
  writeFileSync(path.join(dir, 'rules.yaml'), stringify({ groups: [{ name: 'live', rules: rules.map(quicken) }] }));
}

function writePrometheus(dir) {
  const job = (name, target) => ({
    job_name: name,
    static_configs: [{ targets: [target], labels: { namespace: LIVE_NAMESPACE, pod: `${name}-0` } }],
  });
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    alerting: { alertmanagers: [{ static_configs: [{ targets: [need('LIVE_ALERTMANAGER')] }] }] },
    rule_files: [path.join(dir, 'rules.yaml')],
    scrape_configs: [
      job('tmeit-app', need('LIVE_APP')),
      job('tmeit-worker', need('LIVE_WORKER')),
      job('tmeit-monitor-health', need('LIVE_MONITOR_HEALTH')),
    ],
  };
  writeFileSync(path.join(dir, 'prometheus.yml'), stringify(config));
}

function writeAlertmanager(dir) {
  const [host, port] = need('LIVE_SMTP').split(':');
  const file = path.join(dir, 'alertmanager.yml');
  const config = renderAlertmanagerConfig(file, {
    ALERT_MASTERS: need('LIVE_MASTERS'),
    ALERT_DEVELOPERS: need('LIVE_DEVELOPERS'),
    SMTP_SMARTHOST: `${host}:${port}`,
    SMTP_FROM: 'TMEIT alerts <alerts@tmeit.test>',
    SMTP_REQUIRE_TLS: 'false',
  });
  Object.assign(config.route, { group_wait: '1s', group_interval: '5s', repeat_interval: '1h' });
  const hook = config.receivers.find((r) => r.name === 'monitor-health').webhook_configs[0];
  hook.url = `http://${need('LIVE_MONITOR_HEALTH')}/watchdog`;
  writeFileSync(file, stringify(config));
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/monitoring/live-config.mjs DIR');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
writeRules(dir);
writePrometheus(dir);
writeAlertmanager(dir);
console.log(`live alert test configuration in ${dir}`);
