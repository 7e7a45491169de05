import { useCreateMember } from "@/features/members/api/create-member";
import { MemberForm } from "@/features/members/components/member-form";
import type { MemberField } from "@/features/members/member-fields";
import type { MemberCreate } from "@/lib/api-types";

const fields: readonly MemberField[] = [
  "login_email",
  "first_name",
  "nickname",
  "last_name",
  "current_role",
  "phone",
  "drivers_license",
  "stad",
  "fest",
  "liquor_permit",
];

/** Adds a member; they choose their password through "Forgot your password?". */
export function CreateMemberForm() {
  const create = useCreateMember();
  return (
    <>
      <MemberForm
        // A blank form again after each member added.
        key={create.data?.short_uuid ?? "new"}
        fields={fields}
        initial={{ current_role: "prao" }}
        submitLabel="Create member"
        pending={create.isPending}
        error={create.error}
        onSubmit={(member) => {
          create.mutate({ current_role: "prao", ...member } as MemberCreate);
        }}
      />
      {create.isSuccess && (
        <p role="status">
          {create.data.first_name} is a member now. They set a password with “Forgot your
          password?”.
        </p>
      )}
    </>
  );
}
