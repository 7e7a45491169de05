import { ComingSoon } from "@/components/coming-soon";

export function DocumentsPage() {
  return (
    <ComingSoon title="Documents">
      The club&apos;s statutes, policies and other documents.
    </ComingSoon>
  );
}
