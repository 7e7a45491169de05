import { useVersion } from "@/features/version/api/get-version";

/** One line for the footer: which backend (and schema) this page is talking to. */
export function BackendVersion() {
  const { data, isPending, isError } = useVersion();

  if (isPending) return <span aria-busy="true">Backend version: loading…</span>;
  if (isError) return <span role="status">Backend version: unavailable</span>;
  return (
    <span>
      Backend v{data.backend} · schema {data.schema_version}
    </span>
  );
}
