// Renders a Kustomize directory with `kubectl kustomize` and parses the YAML stream.
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

/** The objects of a YAML stream; throws on a syntax error. */
export function parseObjects(text) {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map(String).join('\n'));
      return doc.toJS();
    })
    .filter((object) => object !== null);
}

/** `kubectl kustomize DIR` as objects; throws with kubectl's message when it fails. */
export function renderOverlay(dir) {
  const text = execFileSync('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseObjects(text);
}

/** "Deployment/tmeit-app" for messages. */
export function objectName(object) {
  return `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;
}
