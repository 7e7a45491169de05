// PromQL and LogQL checked with the grammars Prometheus' and Grafana's own editors use
// (@prometheus-io/lezer-promql, @grafana/lezer-logql): an expression with a syntax error yields
// error nodes in its parse tree.
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';

/** Values for Grafana's variables, substituted before parsing as Grafana does before querying. */
export const GRAFANA_SAMPLE_VALUES = {
  __rate_interval: '1m',
  __interval: '1m',
  __range: '1h',
  namespace: 'tmeit',
  instance: 'node-1',
  container: 'app',
  level: 'error',
  request_id: '3f2a9c1e',
  search: 'member',
};

/** `expr` with $name and ${name} replaced from GRAFANA_SAMPLE_VALUES; throws on an unknown one. */
export function substituteGrafanaVariables(expr) {
  return expr.replace(/\$\{?(\w+)\}?/g, (whole, name) => {
    if (!(name in GRAFANA_SAMPLE_VALUES)) throw new Error(`unknown Grafana variable ${whole} in ${expr}`);
    return GRAFANA_SAMPLE_VALUES[name];
  });
}

function syntaxErrors(parser, expr) {
  const tree = parser.parse(expr);
  const errors = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`syntax error at ${node.from}: …${expr.slice(Math.max(0, node.from - 20), node.from + 20)}…`);
    },
  });
  if (expr.trim() === '') errors.push('empty expression');
  return errors;
}

/** Syntax errors of a PromQL expression ([] when it parses). */
export const promqlErrors = (expr) => syntaxErrors(promqlParser, expr);

/** Syntax errors of a LogQL expression ([] when it parses). */
export const logqlErrors = (expr) => syntaxErrors(logqlParser, expr);
