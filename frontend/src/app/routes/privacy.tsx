import { PrivacyPolicy } from "@/features/privacy/components/privacy-policy";

export function PrivacyPage() {
  return <PrivacyPolicy />;
}
