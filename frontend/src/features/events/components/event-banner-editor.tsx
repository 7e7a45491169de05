import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { PhotoDrop } from "@/components/photo-drop";
import { ErrorNotice } from "@/components/status";
import { useDeleteEventBanner } from "@/features/events/api/delete-event-banner";
import { useSetEventBanner } from "@/features/events/api/set-event-banner";
import { EventBanner } from "@/features/events/components/event-banner";
import type { Event } from "@/lib/api-types";
import type { UploadProgress } from "@/lib/upload";

/** The banner of an event being edited: upload a new one (replacing it) or remove it. */
export function EventBannerEditor({ event }: { event: Event }) {
  const upload = useSetEventBanner(event.uuid);
  const remove = useDeleteEventBanner(event.uuid);
  const [progress, setProgress] = useState<UploadProgress>();
  return (
    <section aria-labelledby="banner-heading" className="stack">
      <h2 id="banner-heading">Banner</h2>
      {event.banner ? (
        <EventBanner event={event} sizes="(max-width: 32rem) 100vw, 32rem" />
      ) : (
        <p>No banner yet: the event is shown with its title only.</p>
      )}
      <PhotoDrop
        label={event.banner ? "Replace the banner" : "Add a banner"}
        pending={upload.isPending}
        progress={progress}
        error={upload.error}
        onFile={(file) => {
          setProgress(undefined);
          remove.reset();
          upload.mutate({ file, onProgress: setProgress });
        }}
      />
      {upload.isSuccess && <p role="status">Banner saved.</p>}
      {event.banner && (
        <ConfirmButton
          question={`Remove the banner of “${event.title}”?`}
          disabled={remove.isPending || upload.isPending}
          onConfirm={() => {
            upload.reset();
            remove.mutate();
          }}
        >
          Remove the banner
        </ConfirmButton>
      )}
      {remove.isError && <ErrorNotice error={remove.error} what="Not removed" />}
    </section>
  );
}
