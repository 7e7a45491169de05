// Which Ingress path ingress-nginx picks for a request (its user guide, "Ingress Path Matching"),
// so the checks can say which body limit a request meets: without regex, Exact before the longest
// Prefix (whole path segments); once any Ingress of the host sets use-regex, every path of the
// host is a case-insensitive regex anchored at the start (`~* "^path"`), tried longest first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REGEX = 'nginx.ingress.kubernetes.io/use-regex';

/** [{ ingress, path }] of every path of HOST, over every Ingress. */
function hostPaths(ingresses, host) {
  return ingresses.flatMap((ingress) => (ingress.spec.rules ?? [])
    .filter((rule) => (rule.host ?? '') === host)
    .flatMap((rule) => (rule.http?.paths ?? []).map((p) => ({ ingress, path: p }))));
}

const prefixMatches = (prefix, uri) => {
  const clean = prefix.replace(/\/+$/, '');
  return clean === '' || uri === clean || uri.startsWith(`${clean}/`);
};

/** The { ingress, path } that serves `host` + `uri`, or null when none does. */
export function routeRequest(ingresses, host, uri) {
  const candidates = hostPaths(ingresses, host);
  if (candidates.some(({ ingress }) => ingress.metadata.annotations?.[REGEX] === 'true')) {
    const byLength = [...candidates].sort((a, b) => b.path.path.length - a.path.path.length);
    return byLength.find(({ path: p }) => new RegExp(`^${p.pathType === 'Exact' ? `${p.path}$` : p.path}`, 'i').test(uri)) ?? null;
  }
  const exact = candidates.find(({ path: p }) => p.pathType === 'Exact' && p.path === uri);
  if (exact) return exact;
  return candidates
    .filter(({ path: p }) => p.pathType !== 'Exact' && prefixMatches(p.path, uri))
    .sort((a, b) => b.path.path.length - a.path.path.length)[0] ?? null;
}

/** nginx's size syntax (1m, 15424k, 1048576) in bytes; NaN when it is something else. */
export function nginxBytes(size) {
  const match = /^(\d+)([kmg]?)$/i.exec(String(size).trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[match[2].toLowerCase()];
}

/**
 * The app's upload body limit, read from its source (backend/src/http/multipart.hpp,
 * `upload_body_bytes = 15 * 1024 * 1024 + 64 * 1024`): a sum of products of integers.
 */
export function uploadBodyBytes(root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')) {
  const header = readFileSync(path.join(root, 'backend/src/http/multipart.hpp'), 'utf8');
  const match = /upload_body_bytes\s*=\s*([\d\s*+]+);/.exec(header);
  if (!match) throw new Error('no `upload_body_bytes = ...;` in backend/src/http/multipart.hpp');
  return match[1].split('+').reduce((sum, term) => sum + term.split('*').reduce((product, n) => product * Number(n.trim()), 1), 0);
}

/**
 * Requests that must meet the upload limit (the upload routes of http/routes_photos.cpp) and
 * requests that must meet TMEIT_MAX_BODY_BYTES, as samples of their paths.
 */
export const UPLOAD_REQUESTS = ['/api/v1/members/k3x9q2/photos', '/api/v1/events/0b9f6a52-6f0e-4a8e-9d61-3c1e2f4a5b6c/banner'];
export const OTHER_REQUESTS = [
  '/', '/api/v1/members/k3x9q2', '/api/v1/members/k3x9q2/photos/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', '/api/v1/events/',
  '/api/v1/events/0b9f6a52-6f0e-4a8e-9d61-3c1e2f4a5b6c', '/photos/0123abcd.webp',
];
