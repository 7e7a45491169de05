import { ComingSoon } from "@/components/coming-soon";

export function AboutPage() {
  return (
    <ComingSoon title="About TMEIT">
      Who we are, what a klubbmästeri does, and how the club is organised.
    </ComingSoon>
  );
}
