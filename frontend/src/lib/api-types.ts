// Names for the API's types, all taken from the generated src/client/schema.d.ts (never written by
// hand), so a change of the backend's OpenAPI document shows up here as a type error.
import type { components, operations } from "@/client/schema";

type Schemas = components["schemas"];
type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;
/** The JSON body of an operation's answer with the given status. */
export type ResponseOf<
  Op extends keyof operations,
  Status extends keyof operations[Op]["responses"],
> = JsonOf<operations[Op]["responses"][Status]>;
/** The JSON body an operation takes. */
export type RequestOf<Op extends keyof operations> = JsonOf<
  NonNullable<operations[Op]["requestBody"]>
>;

export type Event = Schemas["Event"];
export type EventCreate = Schemas["EventCreate"];
export type EventPatch = Schemas["EventPatch"];
export type Visibility = Event["visibility"];

export type MemberAsPublic = Schemas["MemberAsPublic"];
export type MemberAsMember = Schemas["MemberAsMember"];
export type MemberAsSelf = Schemas["MemberAsSelf"];
export type MemberAsMaster = Schemas["MemberAsMaster"];
/** A member as the API shapes it for whoever asks: any of the four views. */
export type Member = MemberAsPublic | MemberAsMember | MemberAsSelf | MemberAsMaster;
export type MemberCreate = Schemas["MemberCreate"];
export type MemberPatch = Schemas["MemberPatch"];
export type Role = Member["current_role"];

export type Photo = Schemas["MemberPhoto"];
/** The URLs of a photo's three sizes, by their long side in pixels ("256", "1024", "2048"). */
export type PhotoUrls = Photo["urls"];
export type PhotoVisibility = Photo["visibility"];

export type AuditEntry = Schemas["AuditEntry"];
export type PersonalData = Schemas["PersonalData"];

export type SignUp = Schemas["SignUp"];
export type PendingSignUp = Schemas["PendingSignUp"];
export type SignUpForm = Schemas["SignUpForm"];
export type SignUpStatus = Schemas["SignUpStatus"];

export type Token = ResponseOf<"login", 200>;
export type VersionInfo = ResponseOf<"get_version", 200>;
