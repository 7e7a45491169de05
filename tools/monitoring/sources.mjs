// Where the monitoring configuration lives, and every query in it: Prometheus and Loki rules,
// Grafana dashboards and data sources, monitor-health's queries in its Deployment.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MONITORING = path.join(REPO_ROOT, 'deploy/monitoring');
export const at = (...parts) => path.join(MONITORING, ...parts);

const readYaml = (file) => parse(readFileSync(file, 'utf8'));

export const PROMETHEUS_RULES = at('prometheus/rules/tmeit.rules.yaml');
export const PROMETHEUS_TESTS = at('prometheus/tests/tmeit.rules.test.yaml');
export const LOKI_RULES = at('loki/tmeit.rules.yaml');
export const DASHBOARD_DIR = at('grafana/dashboards');

/** [{ file, alert, expr, labels, annotations }] of a rules file. */
export function alertRules(file) {
  return readYaml(file).groups.flatMap((group) =>
    group.rules.filter((rule) => rule.alert).map((rule) => ({ file, ...rule })),
  );
}

/** [{ file, uid, title, dashboard }] of every provisioned dashboard. */
export function dashboards() {
  return readdirSync(DASHBOARD_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const file = path.join(DASHBOARD_DIR, name);
      const dashboard = JSON.parse(readFileSync(file, 'utf8'));
      return { file, uid: dashboard.uid, title: dashboard.title, dashboard };
    });
}

/** The uid and type of every provisioned Grafana data source. */
export function datasources() {
  return readYaml(at('grafana/datasources.yaml')).datasources.map(({ uid, type }) => ({ uid, type }));
}

/** Every { where, uid, type } data source reference in a dashboard (panels, targets, variables). */
export function datasourceReferences({ uid: dashboardUid, dashboard }) {
  const references = [];
  const note = (where, ds) => {
    if (ds && typeof ds === 'object') references.push({ where: `${dashboardUid}: ${where}`, ...ds });
  };
  for (const panel of dashboard.panels ?? []) {
    note(`panel "${panel.title}"`, panel.datasource);
    for (const target of panel.targets ?? []) note(`panel "${panel.title}" target ${target.refId}`, target.datasource);
  }
  for (const variable of dashboard.templating?.list ?? []) note(`variable ${variable.name}`, variable.datasource);
  return references;
}

/** [{ where, expr, language }] of every query in the dashboards, by the data source type. */
export function dashboardQueries() {
  return dashboards().flatMap((entry) =>
    (entry.dashboard.panels ?? []).flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({
        where: `${entry.uid}: panel "${panel.title}" ${target.refId}`,
        expr: target.expr,
        language: (target.datasource ?? panel.datasource).type === 'loki' ? 'logql' : 'promql',
      })),
    ),
  );
}

/** The env of monitor-health's container in the component. */
export function monitorHealthEnv() {
  const deployment = readYaml(at('monitor-health/deployment.yaml'));
  return Object.fromEntries(deployment.spec.template.spec.containers[0].env.map((e) => [e.name, e.value]));
}

/** The LogQL stream selectors of config.alloy's stage.match blocks (Alloy strings unescaped). */
export function alloySelectors() {
  const text = readFileSync(at('alloy/config.alloy'), 'utf8');
  return [...text.matchAll(/selector\s*=\s*("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]));
}

/** Every PromQL expression: rules, dashboards, monitor-health's scrape check. */
export function promqlExpressions() {
  return [
    ...alertRules(PROMETHEUS_RULES).map((r) => ({ where: `rule ${r.alert}`, expr: r.expr })),
    ...dashboardQueries().filter((q) => q.language === 'promql'),
    { where: 'monitor-health TMEIT_MONITOR_APP_UP_QUERY', expr: monitorHealthEnv().TMEIT_MONITOR_APP_UP_QUERY },
  ];
}

/** Every LogQL expression: Loki rules, dashboards, monitor-health's log check, Alloy's match. */
export function logqlExpressions() {
  return [
    ...alertRules(LOKI_RULES).map((r) => ({ where: `Loki rule ${r.alert}`, expr: r.expr })),
    ...dashboardQueries().filter((q) => q.language === 'logql'),
    { where: 'monitor-health TMEIT_MONITOR_LOKI_QUERY', expr: monitorHealthEnv().TMEIT_MONITOR_LOKI_QUERY },
    ...alloySelectors().map((expr) => ({ where: 'config.alloy stage.match', expr })),
  ];
}
