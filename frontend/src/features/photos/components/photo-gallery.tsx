import { useState } from "react";
import { SelectField } from "@/components/form-fields";
import { PhotoDrop } from "@/components/photo-drop";
import { ErrorNotice, Loading } from "@/components/status";
import { useMemberPhotos } from "@/features/photos/api/list-photos";
import { useUploadPhoto } from "@/features/photos/api/upload-photo";
import { PhotoTile } from "@/features/photos/components/photo-tile";
import type { PhotoVisibility } from "@/lib/api-types";
import type { UploadProgress } from "@/lib/upload";

const visibilities: readonly PhotoVisibility[] = ["members", "public"];

interface PhotoGalleryProps {
  shortUuid: string;
  /** The viewer may add and change photos (the member themself, or a master). */
  canEdit: boolean;
  /** The viewer is the member: the texts say "your". */
  own: boolean;
}

/** Uploads a photo and keeps its progress for the progress bar. */
function PhotoUpload({ shortUuid }: { shortUuid: string }) {
  const upload = useUploadPhoto(shortUuid);
  const [progress, setProgress] = useState<UploadProgress>();
  const [visibility, setVisibility] = useState<PhotoVisibility>("members");
  return (
    <div className="stack">
      <SelectField
        label="Who may see a new photo"
        options={visibilities}
        value={visibility}
        onValue={(value) => {
          setVisibility(value as PhotoVisibility);
        }}
        hint="members: logged-in members only · public: everyone, also on the public team page"
      />
      <PhotoDrop
        label="Add a photo"
        pending={upload.isPending}
        progress={progress}
        error={upload.error}
        onFile={(file) => {
          setProgress(undefined);
          upload.mutate({ file, visibility, onProgress: setProgress });
        }}
      />
      {upload.isSuccess && <p role="status">Photo added.</p>}
    </div>
  );
}

/** A member's photos (visitors see the public ones); the member and masters add, choose and delete. */
export function PhotoGallery({ shortUuid, canEdit, own }: PhotoGalleryProps) {
  const photos = useMemberPhotos(shortUuid);
  return (
    <section aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      {canEdit && (
        <>
          <p className="muted">
            The profile photo shows on the team page; visitors who are not logged in see it only
            when it is public.
          </p>
          <PhotoUpload shortUuid={shortUuid} />
        </>
      )}
      {photos.isPending && <Loading what="Loading the photos" />}
      {photos.isError && <ErrorNotice error={photos.error} what="The photos could not be loaded" />}
      {photos.data?.length === 0 && <p>{own ? "You have no photos yet." : "No photos yet."}</p>}
      {photos.data !== undefined && photos.data.length > 0 && (
        <ul className="photo-grid">
          {photos.data.map((photo, index) => (
            <li key={photo.id}>
              <PhotoTile
                shortUuid={shortUuid}
                photo={photo}
                name={`Photo ${index + 1}`}
                canEdit={canEdit}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
