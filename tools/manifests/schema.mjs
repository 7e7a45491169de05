// Offline schema validation of rendered objects: the Kubernetes OpenAPI schemas compiled into
// kubernetes-models, made strict. Those validators ignore unknown fields (as the API server
// would, silently dropping a misspelled `imagePullPolcy`), so strictFieldErrors asks the
// validator about every field: a field the schema knows fails when given a value of the wrong
// type; one it does not know passes whatever it holds.
import { createRequire } from 'node:module';
import { sealedSecretErrors } from './sealed-secret.mjs';

const require = createRequire(import.meta.url);

/** A function object -> Ajv-style errors for the object's kind, or null if none is known. */
export function validatorFor(object) {
  const { apiVersion, kind } = object ?? {};
  if (apiVersion === 'bitnami.com/v1alpha1' && kind === 'SealedSecret') return sealedSecretErrors;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[a-z0-9./]+$/.test(apiVersion)) {
    return null;
  }
  let group;
  try {
    group = require(`kubernetes-models/${apiVersion}`);
  } catch {
    return null;
  }
  const Model = group[kind];
  if (typeof Model !== 'function' || Model.kind !== kind) return null;
  return (data) => {
    try {
      new Model(data).validate();
      return [];
    } catch (error) {
      if (!error.errors) throw error;
      return error.errors;
    }
  };
}

const pointer = (path) => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const signature = (e) => `${e.instancePath} ${e.keyword} ${e.schemaPath ?? ''}`;
const describe = (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`;

/** Schema errors of one object, as readable lines. */
export function schemaErrors(object) {
  const validate = validatorFor(object);
  if (!validate) return [`no schema for ${object?.apiVersion}/${object?.kind}: add one before using it`];
  return validate(object).map(describe);
}

/** JSON pointers of the fields the schema of `object` does not define. */
export function unknownFields(object) {
  const validate = validatorFor(object);
  if (!validate) return [];
  const root = structuredClone(object);
  const baseline = new Set(validate(root).map(signature));
  const unknown = [];
  const isKnown = (node, key, here) => {
    const saved = node[key];
    try {
      // An array fails every non-array type; an object fails array types.
      return [[], {}].some((probe) => {
        node[key] = probe;
        return validate(root).some(
          (e) => (e.instancePath === here || e.instancePath.startsWith(`${here}/`)) && !baseline.has(signature(e)),
        );
      });
    } finally {
      node[key] = saved;
    }
  };
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      const here = pointer([...path, key]);
      if (isKnown(node, key, here)) walk(node[key], [...path, key]);
      else unknown.push(here);
    }
  };
  walk(root, []);
  return unknown;
}

/**
 * The object as the API server reads it: kustomize wraps long base64 values of a Secret's data
 * over several lines, and the server's base64 decoder skips line breaks, so the check does too.
 */
export function asServerReads(object) {
  if (object?.kind !== 'Secret' || !object.data) return object;
  const copy = structuredClone(object);
  for (const key of Object.keys(copy.data)) {
    if (typeof copy.data[key] === 'string') copy.data[key] = copy.data[key].replace(/[\r\n]/g, '');
  }
  return copy;
}

/** Schema errors and unknown fields of one object. */
export function strictSchemaErrors(object) {
  const read = asServerReads(object);
  return [...schemaErrors(read), ...unknownFields(read).map((p) => `${p} is not a field of ${object.kind}`)];
}
