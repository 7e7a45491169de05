import { useParams } from "react-router";
import { ComingSoon } from "@/components/coming-soon";

export function ProfilePage() {
  const { shortUuid } = useParams();
  return (
    <ComingSoon title="Member profile">
      The profile of member <code>{shortUuid}</code>: name, role and photos.
    </ComingSoon>
  );
}
