import { roles, selfEditableMemberFields } from "@/client/api-constants";
import type { MemberAsMaster } from "@/lib/api-types";

export { roles };

/** A field of a member shown as text (the photo has its own place on the page). */
export type MemberField = keyof Omit<MemberAsMaster, "uuid" | "short_uuid" | "photo">;

/** How each field is labelled and typed in; the order is the order on the page. */
export const memberFields: Record<
  MemberField,
  { label: string; input: "text" | "email" | "tel" | "date" | "checkbox" | "role" | "none" }
> = {
  first_name: { label: "First name", input: "text" },
  nickname: { label: "Nickname", input: "text" },
  last_name: { label: "Last name", input: "text" },
  current_role: { label: "Role", input: "role" },
  login_email: { label: "Email", input: "email" },
  phone: { label: "Phone", input: "tel" },
  drivers_license: { label: "Driver's license", input: "checkbox" },
  stad: { label: "Cleaning training (städ)", input: "date" },
  fest: { label: "Party training (fest)", input: "date" },
  liquor_permit: { label: "Liquor permit training", input: "date" },
  created_at: { label: "Member since", input: "none" },
  updated_at: { label: "Last changed", input: "none" },
};

// The API's permission matrix (MemberPatch's "editable by" in openapi.json, from the backend's
// field table): a member edits some of their own fields; a master edits every field of anyone.
// Both lists keep the order of the page.
const fieldsOnPage = Object.keys(memberFields) as MemberField[];
const selfEditable = fieldsOnPage.filter((f) =>
  (selfEditableMemberFields as readonly string[]).includes(f),
);
const masterEditable = fieldsOnPage.filter((f) => memberFields[f].input !== "none");

/** The fields `viewer` may change on this profile. */
export function editableFields(viewer: "self" | "master" | "other"): readonly MemberField[] {
  if (viewer === "master") return masterEditable;
  return viewer === "self" ? selfEditable : [];
}

/** "Ada “Lace” Lovelace" */
export function displayName(member: {
  first_name: string;
  nickname: string | null;
  last_name: string;
}): string {
  const nick = member.nickname ? ` “${member.nickname}”` : "";
  return `${member.first_name}${nick} ${member.last_name}`;
}
