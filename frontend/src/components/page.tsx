import type { ReactNode } from "react";

interface PageProps {
  title: string;
  children?: ReactNode;
}

/** A page of the site: sets the document title and gives the page its one heading. */
export function Page({ title, children }: PageProps) {
  return (
    <article className="page">
      <title>{`${title} · TMEIT`}</title>
      <h1>{title}</h1>
      {children}
    </article>
  );
}
