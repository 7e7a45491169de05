import { ConfirmButton } from "@/components/confirm-button";
import { Photo } from "@/components/photo";
import { ErrorNotice } from "@/components/status";
import { useDeletePhoto } from "@/features/photos/api/delete-photo";
import { useSetPrimaryPhoto } from "@/features/photos/api/set-primary-photo";
import { useUpdatePhoto } from "@/features/photos/api/update-photo";
import type { Photo as PhotoJson } from "@/lib/api-types";

interface PhotoTileProps {
  shortUuid: string;
  photo: PhotoJson;
  /** "Photo 2": how the buttons name this photo to screen readers. */
  name: string;
  /** The viewer may change the photos (the member themself, or a master). */
  canEdit: boolean;
}

/** One photo of the gallery (a link to its largest size), with what may be done to it. */
export function PhotoTile({ shortUuid, photo, name, canEdit }: PhotoTileProps) {
  const setPrimary = useSetPrimaryPhoto(shortUuid);
  const update = useUpdatePhoto(shortUuid);
  const remove = useDeletePhoto(shortUuid);
  const busy = setPrimary.isPending || update.isPending || remove.isPending;
  const otherVisibility = photo.visibility === "public" ? "members" : "public";
  const error = setPrimary.error ?? update.error ?? remove.error;
  return (
    <figure className="photo-tile">
      <a href={photo.urls["2048"]}>
        <Photo
          urls={photo.urls}
          alt={name}
          sizes="(max-width: 40rem) 50vw, 14rem"
          width={photo.width}
          height={photo.height}
        />
      </a>
      <figcaption>
        {photo.primary && <span className="badge">Profile photo</span>}{" "}
        <span className="badge">{photo.visibility === "public" ? "Public" : "Members only"}</span>
      </figcaption>
      {canEdit && (
        <div className="actions">
          {!photo.primary && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Use ${name} as profile photo`}
              onClick={() => {
                setPrimary.mutate(photo.id);
              }}
            >
              Use as profile photo
            </button>
          )}
          <button
            type="button"
            disabled={busy}
            aria-label={
              otherVisibility === "public" ? `Make ${name} public` : `Make ${name} members-only`
            }
            onClick={() => {
              update.mutate({ photoId: photo.id, visibility: otherVisibility });
            }}
          >
            {otherVisibility === "public" ? "Make public" : "Make members-only"}
          </button>
          <ConfirmButton
            label={`Delete ${name}`}
            question={`Delete ${name.toLowerCase()} for good? This cannot be undone.`}
            disabled={busy}
            onConfirm={() => {
              remove.mutate(photo.id);
            }}
          >
            Delete
          </ConfirmButton>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} what="Not changed" />}
    </figure>
  );
}
