import { ErrorNotice } from "@/components/status";
import { useExportMember } from "@/features/members/api/export-member";

/** Hands `data` to the browser as a file download called `name`. */
function saveAsFile(name: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Downloads everything the club holds about a member as a JSON file (GDPR art. 15 and 20). */
export function DownloadDataButton({ shortUuid }: { shortUuid: string }) {
  const download = useExportMember(shortUuid);
  return (
    <>
      <button
        type="button"
        disabled={download.isPending}
        onClick={() => {
          download.mutate(undefined, {
            onSuccess: (data) => {
              saveAsFile(`tmeit-data-${shortUuid}.json`, data);
            },
          });
        }}
      >
        {download.isPending ? "Preparing…" : "Download all data (JSON)"}
      </button>
      {download.isSuccess && <p role="status">Downloaded.</p>}
      {download.isError && <ErrorNotice error={download.error} what="Not downloaded" />}
    </>
  );
}
