// Writes src/client/api-constants.ts: the values of the API contract the SPA needs at run time
// (the roles, the member fields a member may edit themselves), taken from the backend's OpenAPI
// document src/client/openapi.json. schema.d.ts has the same facts as types only, and a type
// cannot be listed at run time. With --check, fails when the file differs from what it would
// write (npm run api:check), as openapi-typescript --check does for schema.d.ts.
//
// Usage: node scripts/api-constants.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";

const documentPath = new URL("../src/client/openapi.json", import.meta.url);
const outputPath = new URL("../src/client/api-constants.ts", import.meta.url);

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`api-constants: ${message}`);
  process.exit(1);
}

const schemas = JSON.parse(readFileSync(documentPath, "utf8")).components?.schemas ?? {};

const roles = schemas.MemberAsMaster?.properties?.current_role?.enum;
if (!Array.isArray(roles) || roles.length === 0) fail("no enum for MemberAsMaster.current_role");

// The backend writes each MemberPatch field's editors from its field table (member_patch_schema
// in backend/src/domain/member_fields.cpp) as "editable by: self, master".
const patchFields = Object.entries(schemas.MemberPatch?.properties ?? {});
if (patchFields.length === 0) fail("no properties in MemberPatch");
const selfEditable = patchFields
  .filter(([name, schema]) => {
    const editors = /^editable by: (.+)$/.exec(schema.description ?? "");
    if (!editors) fail(`MemberPatch.${name} does not say who may edit it ("editable by: ...")`);
    return editors[1].split(", ").includes("self");
  })
  .map(([name]) => name);

/** @param {unknown[]} values @returns {string} a TypeScript list of them */
const list = (values) => values.map((v) => JSON.stringify(v)).join(", ");
const text = `// Generated from openapi.json by scripts/api-constants.mjs (npm run api:types); do not edit.
import type { components } from "./schema";

type Schemas = components["schemas"];

/** Every role a member can have, in the order of the document's enum. */
export const roles = [${list(roles)}] as const satisfies readonly Schemas["MemberAsMaster"]["current_role"][];

/** The fields a member may change on their own profile (MemberPatch's "editable by: self"). */
export const selfEditableMemberFields = [${list(selfEditable)}] as const satisfies readonly (keyof Schemas["MemberPatch"])[];
`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(outputPath, "utf8");
  } catch {
    // Missing: differs.
  }
  if (current !== text) fail("src/client/api-constants.ts is stale: run npm run api:types");
  console.log("api-constants: src/client/api-constants.ts is current");
} else {
  writeFileSync(outputPath, text);
  console.log("api-constants: wrote src/client/api-constants.ts");
}
