import { useParams } from "react-router";
import { MemberProfile } from "@/features/members/components/member-profile";

export function ProfilePage() {
  const { shortUuid = "" } = useParams();
  return (
    <div className="page">
      <MemberProfile shortUuid={shortUuid} />
    </div>
  );
}
