import type { ReactNode } from "react";
import { Page } from "@/components/page";

interface ComingSoonProps {
  title: string;
  children: ReactNode;
}

/** A page whose real content comes in a later issue: says what will be here. */
export function ComingSoon({ title, children }: ComingSoonProps) {
  return (
    <Page title={title}>
      <p>{children}</p>
      <p className="muted">This page is being built.</p>
    </Page>
  );
}
