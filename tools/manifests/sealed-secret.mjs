// Schema of bitnami.com/v1alpha1 SealedSecret, a CRD that kubernetes-models does not carry,
// written from the sealed-secrets controller's CRD. Returns Ajv-style errors like the models do,
// so the strict unknown-field check treats it the same way. Metadata uses the real ObjectMeta.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ConfigMap } = require('kubernetes-models/v1');

function objectMetaErrors(metadata, path) {
  try {
    new ConfigMap({ metadata }).validate();
    return [];
  } catch (error) {
    if (!error.errors) throw error;
    return error.errors
      .filter((e) => e.instancePath.startsWith('/metadata'))
      .map((e) => ({ ...e, instancePath: path + e.instancePath.slice('/metadata'.length) }));
  }
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks `value` against { key: checker }, reporting unknown keys as Ajv does. */
function objectErrors(value, path, fields) {
  if (!isObject(value)) return [{ instancePath: path, keyword: 'type', message: 'must be object' }];
  const errors = [];
  for (const [key, child] of Object.entries(value)) {
    const check = fields[key];
    if (!check) {
      errors.push({
        instancePath: path,
        keyword: 'additionalProperties',
        params: { additionalProperty: key },
        message: 'must NOT have additional properties',
      });
    } else {
      errors.push(...check(child, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
    }
  }
  return errors;
}

const typeCheck = (type) => (value, path) =>
  typeof value === type ? [] : [{ instancePath: path, keyword: 'type', message: `must be ${type}` }];
const constant = (wanted) => (value, path) =>
  value === wanted ? [] : [{ instancePath: path, keyword: 'enum', message: `must be ${wanted}` }];
const mapOfStrings = (value, path) => {
  if (!isObject(value)) return [{ instancePath: path, keyword: 'type', message: 'must be object' }];
  return Object.entries(value).flatMap(([key, child]) => typeCheck('string')(child, `${path}/${key}`));
};

const templateFields = {
  metadata: objectMetaErrors,
  type: typeCheck('string'),
  immutable: typeCheck('boolean'),
  data: mapOfStrings,
};

const sealedSecretFields = {
  apiVersion: constant('bitnami.com/v1alpha1'),
  kind: constant('SealedSecret'),
  metadata: objectMetaErrors,
  spec: (value, path) =>
    objectErrors(value, path, {
      encryptedData: mapOfStrings,
      template: (template, templatePath) => objectErrors(template, templatePath, templateFields),
    }),
};

/** Ajv-style errors of a SealedSecret; [] when valid. */
export function sealedSecretErrors(object) {
  const errors = objectErrors(object, '', sealedSecretFields);
  if (!isObject(object?.spec)) errors.push({ instancePath: '', keyword: 'required', message: 'must have spec' });
  return errors;
}
