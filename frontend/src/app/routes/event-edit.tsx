import { useParams } from "react-router";
import { Page } from "@/components/page";
import { RequireRole } from "@/features/auth/components/require-role";
import { EditEvent } from "@/features/events/components/edit-event";

export function EditEventPage() {
  const { uuid = "" } = useParams();
  return (
    <Page title="Edit event">
      <RequireRole roles={["marshal", "master"]} who="marshals and masters">
        <EditEvent uuid={uuid} />
      </RequireRole>
    </Page>
  );
}
