import { Page } from "@/components/page";
import { RequireRole } from "@/features/auth/components/require-role";
import { AuditLog } from "@/features/master/components/audit-log";
import { CreateMemberForm } from "@/features/master/components/create-member-form";
import { MembersAdmin } from "@/features/master/components/members-admin";
import { TestEmailForm } from "@/features/master/components/test-email-form";
import { PendingSignUps } from "@/features/sign-ups/components/pending-sign-ups";

export function MasterPage() {
  return (
    <Page title="Masters">
      <RequireRole roles={["master"]} who="masters">
        <section aria-labelledby="sign-ups-heading">
          <h2 id="sign-ups-heading">Pending sign-ups</h2>
          <PendingSignUps />
        </section>
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <MembersAdmin />
        </section>
        <section aria-labelledby="new-member-heading">
          <h2 id="new-member-heading">Add a member</h2>
          <CreateMemberForm />
        </section>
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading">Audit log</h2>
          <p>Who changed whose role, permits or email, or added or erased whom, and when.</p>
          <AuditLog />
        </section>
        <section aria-labelledby="test-email-heading">
          <h2 id="test-email-heading">Test email</h2>
          <TestEmailForm />
        </section>
      </RequireRole>
    </Page>
  );
}
