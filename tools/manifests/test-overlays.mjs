// For the tests: each overlay rendered once per process, handed out as a fresh copy that a test
// may break without touching the next test's.
import path from 'node:path';
import { KUSTOMIZE_ROOT } from './checks.mjs';
import { renderOverlay } from './render.mjs';

const rendered = new Map();

/** The objects of deploy/kubernetes/NAME (a deep copy). */
export function render(name) {
  if (!rendered.has(name)) rendered.set(name, renderOverlay(path.join(KUSTOMIZE_ROOT, name)));
  return structuredClone(rendered.get(name));
}

/** The object of KIND named NAME, or undefined. */
export const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
