// The monitoring configuration made runnable on this machine: Prometheus' with its Kubernetes
// discovery swapped for files (Debian's Prometheus is built without Kubernetes discovery), and
// Alertmanager's rendered by its own render-config.sh. Used by the static checks
// (monitoring.test.mjs) and the live alert test (live-config.mjs, scripts/test-alerts).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { at } from './sources.mjs';

export const KUBERNETES_SD_ROLES = new Set(['node', 'pod', 'service', 'endpoints', 'endpointslice', 'ingress']);
const KUBERNETES_SD_KEYS = new Set(['role', 'namespaces', 'selectors', 'attach_metadata', 'api_server', 'kubeconfig_file']);

/** The production prometheus.yml, parsed. */
export const prometheusConfig = () => parse(readFileSync(at('prometheus/prometheus.yml'), 'utf8'));

/** Problems of every kubernetes_sd_configs entry (unknown keys, unknown roles). */
export function kubernetesSdProblems(config = prometheusConfig()) {
  return config.scrape_configs.flatMap((job) =>
    (job.kubernetes_sd_configs ?? []).flatMap((sd) => [
      ...Object.keys(sd).filter((key) => !KUBERNETES_SD_KEYS.has(key)).map((key) => `${job.job_name}: unknown key ${key}`),
      ...(KUBERNETES_SD_ROLES.has(sd.role) ? [] : [`${job.job_name}: unknown role ${sd.role}`]),
    ]),
  );
}

/**
 * Writes DIR/prometheus.yml for promtool: the production file with each kubernetes_sd_configs
 * replaced by a file_sd_configs and the rule and probe paths pointing into DIR.
 */
export function writePromtoolConfig(dir) {
  mkdirSync(path.join(dir, 'rules'), { recursive: true });
  copyFileSync(at('prometheus/rules/tmeit.rules.yaml'), path.join(dir, 'rules/tmeit.rules.yaml'));
  writeFileSync(path.join(dir, 'targets.json'), '[]\n');
  const config = prometheusConfig();
  config.rule_files = [path.join(dir, 'rules/*.yaml')];
  for (const job of config.scrape_configs) {
    if (job.kubernetes_sd_configs) {
      delete job.kubernetes_sd_configs;
      job.file_sd_configs = [{ files: [path.join(dir, 'targets.json')] }];
    }
    for (const sd of job.file_sd_configs ?? []) sd.files = [path.join(dir, 'targets.json')];
  }
  const file = path.join(dir, 'prometheus.yml');
  writeFileSync(file, stringify(config));
  return file;
}

/**
 * Renders Alertmanager's configuration with render-config.sh and ENV into FILE; its templates
 * path points at the repository's. Throws with the script's message when it refuses.
 */
export function renderAlertmanagerConfig(file, env) {
  execFileSync('sh', [at('alertmanager/render-config.sh'), at('alertmanager/alertmanager.yml.in'), file], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const text = readFileSync(file, 'utf8').replace('/etc/alertmanager/templates/*.tmpl', at('alertmanager/*.tmpl'));
  writeFileSync(file, text);
  return parse(text);
}

/** Runs a tool; returns { status, output } instead of throwing. */
export function run(command, args) {
  try {
    const output = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output };
  } catch (error) {
    return { status: error.status ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? error.message}` };
  }
}
