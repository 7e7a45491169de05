import { Page } from "@/components/page";
import { RequireRole } from "@/features/auth/components/require-role";
import { CreateEvent } from "@/features/events/components/create-event";

export function NewEventPage() {
  return (
    <Page title="New event">
      <RequireRole roles={["marshal", "master"]} who="marshals and masters">
        <CreateEvent />
      </RequireRole>
    </Page>
  );
}
