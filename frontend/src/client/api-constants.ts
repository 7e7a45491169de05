// Generated from openapi.json by scripts/api-constants.mjs (npm run api:types); do not edit.
import type { components } from "./schema";

type Schemas = components["schemas"];

/** Every role a member can have, in the order of the document's enum. */
export const roles = ["master", "marshal", "vraq", "prao", "ex", "exprao"] as const satisfies readonly Schemas["MemberAsMaster"]["current_role"][];

/** The fields a member may change on their own profile (MemberPatch's "editable by: self"). */
export const selfEditableMemberFields = ["drivers_license", "login_email", "nickname", "phone"] as const satisfies readonly (keyof Schemas["MemberPatch"])[];
